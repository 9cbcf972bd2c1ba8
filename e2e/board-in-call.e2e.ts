import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { boardToJson } from '../shared/board/board-json.js';
import { sampleStroke } from '../shared/board/test-items.js';
import { boardUrl, exportBoard, inkNear, itemCount, peerCount, useBoardParticipants } from './harness/board-browser.js';
import { launchParticipants, uniqueRoom, type Participant } from './harness/browser.js';
import { callPhase, joinFromLobby, showBoardOnStage } from './harness/call-page.js';
import { bytesThroughCall, countDataChannelSends, readSends, resetSends } from './harness/data-channel-sends.js';
import { useTestStack } from './harness/test-stack.js';

const SYNC_TIMEOUT = 30_000;

/** Joins with camera and microphone off (this file is about data, and media would only cost CPU), then puts the board on the stage. */
async function joinWithoutMedia(page: Page, webUrl: string, room: string, name: string, pin?: string): Promise<void> {
  await joinFromLobby(page, webUrl, room, name, { withoutMedia: true, ...(pin ? { pin } : {}) });
  await showBoardOnStage(page);
}


/** Draws on the call's board, on the stage (scrolled into view for the standalone board of a small window). */
async function drawOnBoard(page: Page, from: readonly [number, number], to: readonly [number, number]): Promise<void> {
  const canvas = page.getByTestId('board-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the board canvas is not visible');
  await page.mouse.move(box.x + from[0], box.y + from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + (from[0] + to[0]) / 2, box.y + (from[1] + to[1]) / 2 + 20, { steps: 4 });
  await page.mouse.move(box.x + to[0], box.y + to[1], { steps: 4 });
  await page.mouse.up();
}

describe('the board in a call, through Janus', () => {
  const testStack = useTestStack('board-in-call');
  const callers: Participant[] = [];
  const boardPeers = useBoardParticipants(testStack);
  afterEach(async () => {
    const problems = callers.flatMap((each) => each.problems);
    await Promise.all(callers.splice(0).map((each) => each.close().catch(() => undefined)));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });
  const launchCallers = async <Names extends string[]>(...names: Names): Promise<{ [Index in keyof Names]: Participant }> => {
    const launched = await launchParticipants(names, { width: 1280, height: 800 });
    callers.push(...launched);
    for (const each of launched) await countDataChannelSends(each.page);
    return launched as { [Index in keyof Names]: Participant };
  };
  const everyoneSees = async (pages: Participant[], count: number): Promise<void> => {
    try {
      for (const each of pages) await expect.poll(() => itemCount(each.page), { timeout: SYNC_TIMEOUT, message: `${each.name}'s board item count` }).toBe(count);
    } catch (error) {
      // Whose board lacks what tells a stroke that was never drawn from one that never arrived.
      const counts = await Promise.all([...callers, ...pages].map(async (each) => `${each.name} ${await itemCount(each.page).catch(() => 'closed')}`));
      console.warn(`board item counts: ${[...new Set(counts)].join(', ')}`);
      throw error;
    }
  };

  test('8 participants: a stroke by one reaches the other 7 as one message that Janus fans out', async () => {
    const { webUrl } = testStack();
    const room = uniqueRoom('star');
    const people = await launchCallers('Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay', 'Gus', 'Hal');
    // Joined a few at a time: eight browsers starting at once on two cores is a test of the machine, not of the board.
    for (let index = 0; index < people.length; index += 2) {
      const batch = people.slice(index, index + 2);
      await Promise.all(batch.map((each) => joinWithoutMedia(each.page, webUrl, room, each.name)));
      for (const each of batch) await expect.poll(() => callPhase(each.page), { timeout: SYNC_TIMEOUT }).toBe('in-call');
    }
    for (const each of people) await expect.poll(() => peerCount(each.page), { timeout: 60_000 }).toBe(7);
    const [ann, ...others] = people;

    await resetSends(people.map((each) => each.page));
    await drawOnBoard(ann.page, [100, 100], [300, 160]);
    await everyoneSees(others, 1);
    const sends = await Promise.all(people.map((each) => readSends(each.page)));
    const documentMessages = sends.reduce((sum, each) => sum + each.document.messages, 0);
    const documentBytes = sends.reduce((sum, each) => sum + each.document.bytes, 0);
    // One copy of the stroke: what its drawer sent for it.
    const strokeBytes = (sends[0]?.document.bytes ?? 0) / Math.max(1, sends[0]?.document.messages ?? 0);
    console.info(
      `one stroke among 8: ${documentMessages} document messages (${documentBytes} bytes, one copy ${strokeBytes} bytes), ` +
        `${sends.reduce((sum, each) => sum + each.awareness.messages, 0)} awareness messages; a mesh relaying to all would send ${8 * 7}`,
    );
    expect(documentMessages).toBeGreaterThanOrEqual(1);
    expect(documentMessages).toBeLessThanOrEqual(1.2);
    expect(documentBytes).toBeLessThanOrEqual(1.2 * strokeBytes);
  }, 240_000);

  test('a wrong PIN or a removal keeps someone out of the board: they see none of it and nothing they draw arrives', async () => {
    const { webUrl } = testStack();
    const room = uniqueRoom('locked');
    const [host, guest, stranger] = await launchCallers('Host', 'Guest', 'Stranger');
    await joinFromLobby(host.page, webUrl, room, 'Host', { pin: '4821', secret: 's3cret-for-tests' });
    await showBoardOnStage(host.page);
    await joinWithoutMedia(guest.page, webUrl, room, 'Guest', '4821');
    for (const each of [host, guest]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    await drawOnBoard(host.page, [100, 100], [300, 160]);
    // The host's own stroke first: a miss here is the pointer, not the sync.
    await everyoneSees([host, guest], 1);

    await joinFromLobby(stranger.page, webUrl, room, 'Stranger', { withoutMedia: true, pin: '0000' });
    await expect.poll(() => stranger.page.getByTestId('lobby-error').textContent(), { timeout: SYNC_TIMEOUT }).toMatch(/wrong pin/i);
    await host.page.locator('[data-testid="tile"][data-name="Guest"]').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => guest.page.getByTestId('lobby-error').textContent(), { timeout: SYNC_TIMEOUT }).toMatch(/moderator removed you/i);

    // Each tries the board by its name, outside the call: a room with a PIN keeps its board inside the call.
    let hostStrokes = 1;
    for (const name of ['Stranger', 'Guest']) {
      const outsider = await boardPeers.launch(`${name} outside`);
      await outsider.page.goto(boardUrl(webUrl, room, name));
      await drawOnBoard(host.page, [100 + hostStrokes * 150, 250], [200 + hostStrokes * 150, 300]);
      hostStrokes += 1;
      await drawOnBoard(outsider.page, [400, 100], [500, 200]);
      await expect.poll(() => itemCount(outsider.page), { timeout: SYNC_TIMEOUT }).toBe(1);
      // Long enough for any path that existed to deliver: strokes between connected peers arrive in milliseconds.
      await host.page.waitForTimeout(3000);
      expect(await itemCount(host.page)).toBe(hostStrokes);
      expect(await itemCount(outsider.page)).toBe(1);
      await outsider.close();
      boardPeers.closed(outsider);
    }
  }, 180_000);

  test('with the signaling server stopped before the call, the board syncs through Janus and a late joiner catches up', async () => {
    const { webUrl, stack } = testStack();
    const room = uniqueRoom('nosignal');
    await stack.services.signaling.stop();
    try {
      const [alice, bob, carol] = await launchCallers('Alice', 'Bob', 'Carol');
      await Promise.all([alice, bob].map((each) => joinWithoutMedia(each.page, webUrl, room, each.name)));
      for (const each of [alice, bob]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);
      await drawOnBoard(alice.page, [100, 100], [300, 160]);
      await drawOnBoard(bob.page, [100, 300], [300, 360]);
      await everyoneSees([alice, bob], 2);
      await joinWithoutMedia(carol.page, webUrl, room, 'Carol');
      await everyoneSees([carol], 2);
      const catchUps = (await Promise.all([alice, bob].map((each) => readSends(each.page)))).reduce((sum, each) => sum + each['catch-up-direct'].messages + each['catch-up-janus'].messages, 0);
      console.info(`late joiner caught up with ${catchUps} catch-up messages`);
    } finally {
      await stack.services.signaling.start();
    }
  }, 180_000);

  test('a stroke in progress shows on the other callers through Janus, and only the finished one is stored', async () => {
    const { webUrl } = testStack();
    const room = uniqueRoom('live');
    const [alice, bob] = await launchCallers('Alice', 'Bob');
    await Promise.all([alice, bob].map((each) => joinWithoutMedia(each.page, webUrl, room, each.name)));
    for (const each of [alice, bob]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    // Bob knows Alice is on the board (her presence arrived) before she draws.
    await expect.poll(() => bob.page.locator('[data-testid="board-peer"][data-name="Alice"]').count(), { timeout: SYNC_TIMEOUT }).toBe(1);
    const box = await alice.page.getByTestId('board-canvas').boundingBox();
    if (!box) throw new Error('the board canvas is not visible');
    expect(await inkNear(bob.page, 150, 150)).toBe(false);
    await alice.page.mouse.move(box.x + 100, box.y + 150);
    await alice.page.mouse.down();
    await alice.page.mouse.move(box.x + 200, box.y + 150, { steps: 8 });
    // Mid-stroke: a stroke in progress tapers towards the pen.
    await expect.poll(() => inkNear(bob.page, 150, 150), { timeout: SYNC_TIMEOUT }).toBe(true);
    expect(await itemCount(bob.page)).toBe(0);
    await alice.page.mouse.up();
    await everyoneSees([alice, bob], 1);
    await alice.page.keyboard.press('Control+z');
    await everyoneSees([alice, bob], 0);
    await expect.poll(() => inkNear(bob.page, 150, 150), { timeout: SYNC_TIMEOUT }).toBe(false);
  }, 120_000);

  test('a late joiner of a large board is caught up over a direct channel, not through Janus', async () => {
    const { webUrl, stack } = testStack();
    const room = uniqueRoom('large');
    const strokes = Array.from({ length: 3000 }, (_, index) => sampleStroke((index % 60) * 30, Math.floor(index / 60) * 30, index + 1, 40));
    const file = path.join(stack.runDirectory, 'large-call-board.json');
    await writeFile(file, boardToJson(strokes));
    const [alice, bob] = await launchCallers('Alice', 'Bob');
    await joinWithoutMedia(alice.page, webUrl, room, 'Alice');
    await alice.page.getByTestId('board-import-input').setInputFiles(file);
    await expect.poll(() => itemCount(alice.page), { timeout: 60_000, interval: 500 }).toBe(3000);

    await resetSends([alice.page]);
    await joinWithoutMedia(bob.page, webUrl, room, 'Bob');
    await expect.poll(() => itemCount(bob.page), { timeout: 60_000, interval: 500 }).toBe(3000);
    const sent = await readSends(alice.page);
    console.info(`3,000-stroke catch-up: ${sent['catch-up-direct'].messages} direct-channel messages; ${bytesThroughCall(sent)} bytes through Janus meanwhile`);
    expect(sent['catch-up-direct'].messages).toBeGreaterThan(0);
    // The board is about a megabyte: what crossed Janus is the handshake, not the board.
    expect(bytesThroughCall(sent)).toBeLessThan(64 * 1024);
  }, 180_000);

  test("a member's crafted update through Janus is refused with a notice, and the others keep syncing", async () => {
    const { webUrl } = testStack();
    const room = uniqueRoom('crafted');
    const [alice, mallory, carol] = await launchCallers('Alice', 'Mallory', 'Carol');
    // Mallory's page can send a raw envelope on its call channel, as itself, for the room's board.
    await mallory.page.addInitScript(() => {
      const send = RTCDataChannel.prototype.send;
      let channel: RTCDataChannel | null = null;
      let header: Uint8Array | null = null;
      RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: never) {
        const bytes = data as unknown;
        if (this.label === 'confer-room' && bytes instanceof Uint8Array) {
          // The channel itself is what Mallory keeps: a send on it later is the crafted one.
          // eslint-disable-next-line @typescript-eslint/no-this-alias
          channel = this;
          // Version and sender (a length and a UUID): the sender's own header, up to the kind.
          header ??= bytes.slice(0, 2 + (bytes[1] ?? 0));
        }
        send.call(this, data);
      };
      const varString = (text: string): number[] => [text.length, ...new TextEncoder().encode(text)];
      (window as unknown as { sendCrafted: (doc: string) => boolean }).sendCrafted = (doc) => {
        if (!channel || !header) return false;
        // A sync (0) update (2) of 8 bytes announcing 2^31 structs: the decoder-hang shape of yjs issue 687.
        const payload = [0, 2, 8, 1, 0x80, 0x80, 0x80, 0x80, 0x08, 7, 0];
        send.call(channel, new Uint8Array([...header, 0, ...varString(doc), 0, 0, payload.length, ...payload]) as never);
        return true;
      };
    });
    for (const each of [alice, mallory, carol]) await joinWithoutMedia(each.page, webUrl, room, each.name);
    for (const each of [alice, mallory, carol]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(2);
    await drawOnBoard(alice.page, [100, 100], [300, 160]);
    await everyoneSees([mallory, carol], 1);

    expect(await mallory.page.evaluate((doc) => (window as unknown as { sendCrafted: (doc: string) => boolean }).sendCrafted(doc), `confer-board:${room}`)).toBe(true);
    for (const each of [alice, carol]) {
      await expect.poll(() => each.page.getByTestId('board-notice').textContent(), { timeout: SYNC_TIMEOUT }).toMatch(/damaged \(message: malformed\)/);
    }
    // Neither hung: what they draw still reaches the other.
    await drawOnBoard(carol.page, [100, 300], [300, 360]);
    await everyoneSees([alice, carol], 2);
  }, 180_000);

  test('a peer with the board open outside the call syncs with the callers, and both merge after being apart', async () => {
    const { webUrl, stack } = testStack();
    const room = uniqueRoom('bridge');
    const [alice, bob] = await launchCallers('Alice', 'Bob');
    await Promise.all([alice, bob].map((each) => joinWithoutMedia(each.page, webUrl, room, each.name)));
    for (const each of [alice, bob]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    const daveProfile = await boardPeers.profile();
    let dave = await boardPeers.launch('Dave', daveProfile);
    await dave.page.goto(boardUrl(webUrl, room, 'Dave'));
    await expect.poll(() => peerCount(dave.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    await drawOnBoard(alice.page, [100, 100], [300, 160]);
    await expect.poll(() => itemCount(dave.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    await drawOnBoard(dave.page, [400, 100], [500, 200]);
    await everyoneSees([alice, bob], 2);

    // Apart: Dave leaves and the signaling server goes; both sides draw.
    await dave.page.waitForTimeout(1000);
    await dave.close();
    boardPeers.closed(dave);
    await stack.services.signaling.stop();
    await drawOnBoard(bob.page, [100, 300], [300, 360]);
    await everyoneSees([alice], 3);
    dave = await boardPeers.launch('Dave', daveProfile);
    await dave.page.goto(webUrl);
    await expect.poll(() => itemCount(dave.page), { timeout: SYNC_TIMEOUT }).toBe(2);
    await drawOnBoard(dave.page, [400, 300], [500, 400]);
    await expect.poll(() => itemCount(dave.page), { timeout: SYNC_TIMEOUT }).toBe(3);

    await stack.services.signaling.start();
    for (const each of [alice, bob, dave]) await expect.poll(() => itemCount(each.page), { timeout: 60_000 }).toBe(4);
    await expect.poll(async () => (await exportBoard(alice.page)) === (await exportBoard(dave.page)), { timeout: SYNC_TIMEOUT }).toBe(true);
  }, 180_000);
});
