import { afterAll, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { decodingNames } from './harness/call-page.js';
import { useTestStack } from './harness/test-stack.js';
import { useWebVariant } from './harness/web-variant.js';

describe('media through the local coturn only', () => {
  const testStack = useTestStack('calls-relay', { turn: true });
  const relayUrl = useWebVariant(testStack, (config) => ({ ...config, iceTransportPolicy: 'relay' }));
  const people: Participant[] = [];
  afterAll(async () => {
    const problems = people.flatMap((person) => person.problems);
    await Promise.all(people.map((person) => person.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test("iceTransportPolicy 'relay' with TURN REST credentials carries media both ways", async () => {
    expect(testStack().stack.runtimeConfig.turnCredentialsUrl).toBeDefined();
    const room = uniqueRoom('relay');
    people.push(...(await Promise.all([launchParticipant('Alice'), launchParticipant('Bob')])));
    for (const person of people) await person.page.goto(joinUrl(relayUrl(), room, person.name));
    const [alice, bob] = people as [Participant, Participant];
    await expect.poll(() => decodingNames(alice.page), { timeout: 45_000, interval: 500 }).toEqual(['Bob']);
    await expect.poll(() => decodingNames(bob.page), { timeout: 45_000, interval: 500 }).toEqual(['Alice']);
    // Every selected path, sending and receiving, is a relay candidate.
    await alice.page.getByTestId('toggle-stats').click();
    await expect
      .poll(async () => [...new Set(await alice.page.getByTestId('candidate-type').allTextContents())], { timeout: 20_000 })
      .toEqual(['relay']);
  });
});
