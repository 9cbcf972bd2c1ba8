import { afterAll, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from '../harness/browser.js';
import { readTiles } from '../harness/call-page.js';
import { useTestStack } from '../harness/test-stack.js';
import { useWebVariant } from '../harness/web-variant.js';

describe('coturn lost in a relay-only call', () => {
  const testStack = useTestStack('faults-relay', { turn: true });
  const relayUrl = useWebVariant(testStack, (config) => ({ ...config, iceTransportPolicy: 'relay' }));
  const people: Participant[] = [];
  afterAll(async () => {
    const problems = people.flatMap((person) => person.problems);
    await Promise.all(people.map((person) => person.close()));
    if (problems.length > 0) console.warn(problems.slice(0, 40).join('\n'));
  });

  test('coturn killed: both see a clear error, and media comes back when it returns', async () => {
    const { stack } = testStack();
    const coturn = stack.services.coturn;
    if (!coturn) throw new Error('the stack was started without coturn');
    const room = uniqueRoom('relay-loss');
    people.push(...(await Promise.all([launchParticipant('Alice'), launchParticipant('Bob')])));
    for (const person of people) await person.page.goto(joinUrl(relayUrl(), room, person.name));
    const [alice, bob] = people as [Participant, Participant];
    const pairs = [
      [alice, 'Bob'],
      [bob, 'Alice'],
    ] as const;
    const frames = async (person: Participant, name: string) => (await readTiles(person.page)).find((tile) => tile.name === name)?.framesDecoded ?? 0;
    // The tiles' decoded-frame counts follow the stats panel's readings.
    for (const person of people) await person.page.getByTestId('toggle-stats').click();
    for (const [person, other] of pairs) await expect.poll(() => frames(person, other), { timeout: 45_000, interval: 500 }).toBeGreaterThan(20);

    await coturn.kill();
    for (const [person] of pairs) {
      await expect
        .poll(() => person.page.getByTestId('media-problem').textContent({ timeout: 1000 }).catch(() => null), { timeout: 45_000, interval: 500 })
        .toMatch(/relay server \(TURN\) cannot be reached/);
    }

    await coturn.start();
    const returnedAt = Date.now();
    for (const [person, other] of pairs) {
      await expect.poll(() => person.page.getByTestId('media-problem').count(), { timeout: 60_000, interval: 500 }).toBe(0);
      const before = await frames(person, other);
      await expect.poll(() => frames(person, other), { timeout: 30_000, interval: 500 }).toBeGreaterThan(before + 20);
    }
    console.info(`relay: media decoding again on both ${Date.now() - returnedAt} ms after coturn answered`);
  }, 240_000);
});
