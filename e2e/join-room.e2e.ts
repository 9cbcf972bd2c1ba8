import { afterEach, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { useTestStack } from './harness/test-stack.js';

describe('joining a room on the real stack', () => {
  const testStack = useTestStack('join-room');
  const participants: Participant[] = [];
  afterEach(async () => {
    const problems = participants.flatMap((participant) => participant.problems);
    await Promise.all(participants.splice(0).map((participant) => participant.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test('two participants see each other through Janus events, and the board syncs', async () => {
    const { webUrl } = testStack();
    const room = uniqueRoom('join');
    const [alice, bob] = await Promise.all([launchParticipant('Alice'), launchParticipant('Bob')]);
    participants.push(alice, bob);

    await alice.page.goto(joinUrl(webUrl, room, 'Alice'));
    await bob.page.goto(joinUrl(webUrl, room, 'Bob'));

    for (const [self, other] of [
      [alice, bob],
      [bob, alice],
    ] as const) {
      await expect
        .poll(() => self.page.getByTestId('participant').allTextContents(), { timeout: 20_000 })
        .toEqual([other.name]);
      await expect.poll(() => self.page.getByTestId('signaling-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('connected');
      expect(await self.page.getByTestId('room-name').textContent()).toBe(room);
    }

    // Janus announces departures too: when Bob leaves, Alice's list empties.
    await bob.page.getByRole('button', { name: 'Leave' }).click();
    await expect.poll(() => alice.page.getByTestId('participant').count(), { timeout: 20_000 }).toBe(0);
  });
});
