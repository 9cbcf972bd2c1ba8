import { afterEach, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { decodingNames } from './harness/call-page.js';
import { janusSessions } from './harness/janus-api.js';
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

  test('the lobby opens the Janus session ahead, and the Join click runs the call on it', async () => {
    const { webUrl, stack } = testStack();
    const janus = janusSessions(stack.janusAdminUrl, stack.janusAdminSecret);
    // Sessions of earlier tests wait out Janus's reclaim timeout: only what appears from now on is this page's.
    const before = new Set(await janus.list());
    const opened = async () => (await janus.list()).filter((session) => !before.has(session));
    const room = uniqueRoom('warm');
    const [ann, ben] = await Promise.all([launchParticipant('Ann'), launchParticipant('Ben')]);
    participants.push(ann, ben);
    const lobby = new URL(webUrl);
    lobby.search = new URLSearchParams({ room, name: 'Ann' }).toString();
    await ann.page.goto(lobby.toString());

    // Nobody has clicked yet: Janus already holds Ann's session, with the publisher's and the subscription's handles.
    await expect.poll(opened, { timeout: 20_000 }).toHaveLength(1);
    const [warm] = await opened();
    if (warm === undefined) throw new Error('no session opened by the lobby');
    await expect.poll(() => janus.handles(warm), { timeout: 10_000 }).toHaveLength(2);

    await ann.page.getByRole('button', { name: 'Join' }).click();
    await ben.page.goto(joinUrl(webUrl, room, 'Ben'));
    await expect.poll(() => decodingNames(ben.page), { timeout: 30_000 }).toEqual(['Ann']);
    await expect.poll(() => decodingNames(ann.page), { timeout: 30_000 }).toEqual(['Ben']);
    // Ann's call runs on the handles the lobby attached: a cold join would have closed that session and opened another.
    expect(await janus.roles(warm)).toEqual(['publisher Ann', 'subscriber']);
  });
});
