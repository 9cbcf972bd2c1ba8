import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../scripts/launch-environment.js';
import { joinUrl, uniqueRoom, type Participant } from './harness/browser.js';
import { useParticipants } from './harness/participants.js';
import { callPhase, decodingNames, joinFromLobby } from './harness/call-page.js';
import { JanusTestClient, videoRoomDisplays } from './harness/janus-api.js';
import { hiddenControls } from './harness/layout-checks.js';
import { useTestStack } from './harness/test-stack.js';

/**
 * A room with a waiting room on the real stack: Janus's VideoRoom admits
 * only tokens on the room's allowed list, the TextRoom plugin carries the
 * knock and the moderator's answer. Three browsers for the whole file.
 */
const testStack = useTestStack('waiting-room');
const SECRET = 'waiting-secret-1';

/** What Janus answers a publisher that joins `room` with no token, as any client but Confer might. */
async function joinWithoutToken(room: string): Promise<{ errorCode?: number; error?: string }> {
  const client = await JanusTestClient.open(testStack().stack.runtimeConfig.janusUrl, 'janus-protocol');
  try {
    const session = ((await client.send({ janus: 'create' })).data as { id: number }).id;
    const handle = ((await client.send({ janus: 'attach', session_id: session, plugin: 'janus.plugin.videoroom' })).data as { id: number }).id;
    const reply = await client.send({ janus: 'message', session_id: session, handle_id: handle, body: { request: 'join', ptype: 'publisher', room, display: 'Mallory' } });
    await client.send({ janus: 'destroy', session_id: session }).catch(() => undefined);
    const data = (reply.plugindata as { data?: { error_code?: number; error?: string } } | undefined)?.data ?? {};
    return { errorCode: data.error_code, error: data.error };
  } finally {
    client.close();
  }
}

describe('a waiting room', () => {
  const room = uniqueRoom('waiting');
  const people = useParticipants(['Host', 'Ann', 'Ben']);
  const displays = () => videoRoomDisplays(testStack().stack.runtimeConfig.janusUrl, room);
  /** Who the moderator's notice shows as waiting. */
  const waitingNames = (moderator: Participant) => moderator.page.getByTestId('waiting-person').evaluateAll((people) => people.map((person) => person.getAttribute('data-name')));
  const screenshot = (participant: Participant, name: string) => participant.page.screenshot({ path: path.join(PROJECT_ROOT, `e2e/artifacts/${name}.png`) });


  test('a guest waits outside Janus until the moderator admits them, then both see each other', async () => {
    const [host, ann] = people as [Participant, Participant, Participant];
    const lobby = new URL(testStack().webUrl);
    lobby.search = new URLSearchParams({ room, name: 'Host' }).toString();
    await host.page.goto(lobby.toString());
    await host.page.getByLabel(/Moderator secret/).fill(SECRET);
    // The choice sits in the lobby's form with Join still in the window.
    expect(await hiddenControls(host.page, 'form')).toEqual([]);
    await screenshot(host, 'waiting-room-lobby');
    await joinFromLobby(host.page, testStack().webUrl, room, 'Host', { secret: SECRET, waitingRoom: true });
    await expect.poll(() => callPhase(host.page), { timeout: 30_000 }).toBe('in-call');

    await ann.page.goto(joinUrl(testStack().webUrl, room, 'Ann'));
    await expect.poll(() => ann.page.getByTestId('waiting-for-admission').textContent({ timeout: 1000 }).catch(() => null), { timeout: 30_000 }).toContain('to let you in');
    await screenshot(ann, 'waiting-room-guest');
    // Waiting is outside the room: Janus lists the host alone, and a client that skips the waiting room is refused.
    expect(await displays()).toEqual(['Host']);
    expect(await joinWithoutToken(room)).toEqual({ errorCode: 433, error: expect.stringMatching(/not in the allowed list/) });

    await expect.poll(() => waitingNames(host), { timeout: 20_000 }).toEqual(['Ann']);
    await expect.poll(() => host.page.getByTestId('announcements').textContent(), { timeout: 10_000 }).toContain('Ann is waiting to be let in');
    expect(await hiddenControls(host.page, '[data-testid="waiting-notice"]')).toEqual([]);
    await screenshot(host, 'waiting-room-host');
    await host.page.getByRole('button', { name: 'Let Ann in' }).click();

    await expect.poll(() => callPhase(ann.page), { timeout: 30_000 }).toBe('in-call');
    await expect.poll(() => decodingNames(ann.page), { timeout: 30_000 }).toEqual(['Host']);
    await expect.poll(() => decodingNames(host.page), { timeout: 30_000 }).toEqual(['Ann']);
    await expect.poll(() => host.page.getByTestId('waiting-notice').count(), { timeout: 10_000 }).toBe(0);
    expect(await displays()).toEqual(['Ann', 'Host']);
  }, 180_000);

  test('a guest the moderator turns away is told so and never enters the room', async () => {
    const [host, ann, ben] = people as [Participant, Participant, Participant];
    await ben.page.goto(joinUrl(testStack().webUrl, room, 'Ben'));
    await expect.poll(() => waitingNames(host), { timeout: 30_000 }).toEqual(['Ben']);
    await host.page.getByRole('button', { name: 'Turn Ben away' }).click();

    await expect.poll(() => ben.page.getByTestId('lobby-error').textContent({ timeout: 1000 }).catch(() => null), { timeout: 20_000 }).toMatch(/did not let you in/);
    expect(await callPhase(ben.page)).toBeNull();
    expect(await displays()).toEqual(['Ann', 'Host']);
    expect(await decodingNames(ann.page)).toEqual(['Host']);
  }, 120_000);
});
