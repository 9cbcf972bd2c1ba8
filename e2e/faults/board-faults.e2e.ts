import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { fromBase64 } from 'lib0/buffer';
import { decodePoints } from '../../shared/board/points.js';
import { uniqueRoom } from '../harness/browser.js';
import {
  boardUrl,
  drag,
  exportBoard,
  itemCount,
  peerCount,
  type BoardParticipant,
  useBoardParticipants,
} from '../harness/board-browser.js';
import { useTestStack } from '../harness/test-stack.js';

const SYNC_TIMEOUT = 30_000;

/** The bound: a stroke finished this long before the kill must survive it. */
const DURABILITY_MARGIN_MS = 100;

/** The Chromium browser process that owns a profile: the one whose command line names it and is not a child (`--type=`). */
async function browserProcessId(profile: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const args = commandLine.split('\0');
    if (args.includes(`--user-data-dir=${profile}`) && !args.some((arg) => arg.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no browser process for ${profile}`);
}

/** First point of every stroke on the board, from the JSON export. */
async function strokeStarts(page: BoardParticipant['page']): Promise<Array<readonly [number, number]>> {
  const board = JSON.parse(await exportBoard(page)) as { items: Array<{ type: string; points?: string }> };
  return board.items.flatMap((item) => {
    if (item.type !== 'stroke' || !item.points) return [];
    const first = decodePoints(fromBase64(item.points))?.points[0];
    return first ? [[first[0], first[1]] as const] : [];
  });
}

describe('board faults: services lost and the browser killed', () => {
  const testStack = useTestStack('faults-board');
  const participants = useBoardParticipants(testStack);

  test('signaling killed: open data channels keep the board in sync, and peers find each other again when it returns', async () => {
    const { webUrl, stack } = testStack();
    const board = uniqueRoom('no-signaling');
    const [alice, bob] = await Promise.all([participants.launch('Alice'), participants.launch('Bob')]);
    await alice.page.goto(boardUrl(webUrl, board, 'Alice'));
    await bob.page.goto(boardUrl(webUrl, board, 'Bob'));
    for (const each of [alice, bob]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);

    await stack.services.signaling.kill();
    for (const each of [alice, bob]) {
      await expect.poll(() => each.page.getByTestId('board-sync-status').getAttribute('data-status'), { timeout: SYNC_TIMEOUT }).not.toBe('connected');
    }
    // Both ways, over the data channel that was open before signaling died.
    await drag(alice.page, [
      [100, 100],
      [200, 150],
    ]);
    await drag(bob.page, [
      [300, 300],
      [400, 380],
    ]);
    for (const each of [alice, bob]) await expect.poll(() => itemCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(2);
    expect(await peerCount(alice.page)).toBe(1);

    await stack.services.signaling.start();
    for (const each of [alice, bob]) {
      await expect.poll(() => each.page.getByTestId('board-sync-status').getAttribute('data-status'), { timeout: SYNC_TIMEOUT }).toBe('connected');
    }
    // A newcomer can only find the room through signaling: it proves the peers announced themselves again.
    const carol = await participants.launch('Carol');
    await carol.page.goto(boardUrl(webUrl, board, 'Carol'));
    await expect.poll(() => itemCount(carol.page), { timeout: SYNC_TIMEOUT }).toBe(2);
    await expect.poll(() => peerCount(alice.page), { timeout: SYNC_TIMEOUT }).toBe(2);
    await drag(carol.page, [
      [500, 100],
      [600, 200],
    ]);
    for (const each of [alice, bob]) await expect.poll(() => itemCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(3);
  }, 180_000);

  test("a peer's crafted update (the decoder-hang shape of yjs issue 687) is refused with a notice, and the others keep syncing", async () => {
    const { webUrl } = testStack();
    const board = uniqueRoom('crafted');
    const [alice, mallory, carol] = await Promise.all([participants.launch('Alice'), participants.launch('Mallory'), participants.launch('Carol')]);
    // Mallory's page keeps every data channel it sends on, and can push raw frames past the app.
    await mallory.page.addInitScript(() => {
      const channels = new Set<RTCDataChannel>();
      const send = RTCDataChannel.prototype.send;
      RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: never) {
        channels.add(this);
        send.call(this, data);
      };
      // A raw message, as y-webrtc sends one that fits: a sync (0) update (2) of 8 bytes, one client announcing 2^31 structs.
      const crafted = new Uint8Array([0, 2, 8, 1, 0x80, 0x80, 0x80, 0x80, 0x08, 7, 0]);
      (window as unknown as { sendCrafted: () => number }).sendCrafted = () => {
        const open = [...channels].filter((channel) => channel.readyState === 'open');
        for (const channel of open) send.call(channel, crafted);
        return open.length;
      };
    });
    for (const each of [alice, mallory, carol]) await each.page.goto(boardUrl(webUrl, board, each.name));
    for (const each of [alice, mallory, carol]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(2);
    await drag(alice.page, [
      [100, 100],
      [200, 150],
    ]);
    for (const each of [mallory, carol]) await expect.poll(() => itemCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);

    expect(await mallory.page.evaluate(() => (window as unknown as { sendCrafted: () => number }).sendCrafted())).toBe(2);
    for (const each of [alice, carol]) {
      await expect.poll(() => each.page.getByTestId('board-notice').textContent(), { timeout: SYNC_TIMEOUT }).toMatch(/Stopped syncing with a participant whose board data was damaged \(message: malformed\)/);
    }
    // Neither hung: both still draw, and what they draw reaches the other.
    await drag(carol.page, [
      [300, 300],
      [400, 380],
    ]);
    await drag(alice.page, [
      [500, 100],
      [600, 150],
    ]);
    for (const each of [alice, carol]) await expect.poll(() => itemCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(3);
  }, 120_000);

  test('a corrupt IndexedDB record: the board opens with what is valid and says what was dropped', async () => {
    const { webUrl } = testStack();
    const board = uniqueRoom('corrupt');
    const alice = await participants.launch('Alice');
    await alice.page.goto(boardUrl(webUrl, board, 'Alice'));
    for (const y of [100, 200]) {
      await drag(alice.page, [
        [100, y],
        [200, y + 40],
      ]);
    }
    await expect.poll(() => itemCount(alice.page)).toBe(2);
    // Into the board's store (y-indexeddb's layout), from the page's origin: random bytes, and the decoder-hang shape of yjs issue 687.
    await alice.page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const transaction = db.transaction('updates', 'readwrite');
      transaction.objectStore('updates').add(new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x01]));
      transaction.objectStore('updates').add(new Uint8Array([1, 0x80, 0x80, 0x80, 0x80, 0x08, 7, 0]));
      await new Promise((resolve) => (transaction.oncomplete = resolve));
      db.close();
    }, `confer-board:${board}`);
    await alice.page.reload();
    await expect.poll(() => alice.page.getByTestId('board-notice').textContent(), { timeout: SYNC_TIMEOUT }).toMatch(/2 damaged records; they were dropped/);
    expect(await itemCount(alice.page)).toBe(2);
    // And it still saves: a new stroke survives another reload.
    await drag(alice.page, [
      [300, 300],
      [400, 340],
    ]);
    await alice.page.waitForTimeout(500);
    await alice.page.reload();
    await expect.poll(() => itemCount(alice.page), { timeout: SYNC_TIMEOUT }).toBe(3);
  }, 120_000);

  test('SIGKILL while drawing: every stroke finished 100 ms before the kill is on the board after restart', async () => {
    const { webUrl } = testStack();
    const profile = await participants.profile();
    // Each round kills the browser 100 ms after its third stroke ended, in the middle of the next stroke.
    const rounds = 2;
    const board = uniqueRoom('durable');
    const drawnAt: Array<{ start: readonly [number, number]; finishedAt: number }> = [];
    const margins: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const person = await participants.launch('Alice', profile);
      await person.page.goto(boardUrl(webUrl, board, 'Alice'));
      await expect.poll(() => itemCount(person.page), { timeout: SYNC_TIMEOUT }).toBeGreaterThanOrEqual(drawnAt.length);
      const survivorsBefore = drawnAt.length;
      const pid = await browserProcessId(profile);

      let killedAt = Number.POSITIVE_INFINITY;
      const killSoon = () =>
        setTimeout(() => {
          killedAt = performance.now();
          process.kill(pid, 'SIGKILL');
        }, DURABILITY_MARGIN_MS);
      for (let index = 0; killedAt === Number.POSITIVE_INFINITY; index += 1) {
        const start = [40 + (index % 12) * 80, 40 + (round * 4 + Math.floor(index / 12)) * 40] as const;
        try {
          await drag(person.page, [start, [start[0] + 30, start[1] + 10], [start[0] + 60, start[1] + 25]]);
        } catch (error) {
          if (killedAt === Number.POSITIVE_INFINITY) throw error;
          break; // the browser is gone mid-stroke
        }
        drawnAt.push({ start, finishedAt: performance.now() });
        if (index === 2) killSoon();
      }
      participants.closed(person);
      await person.close().catch(() => undefined);

      // Strokes that finished after the kill was sent were never drawn (the page was already dying).
      const finished = drawnAt.filter((stroke) => stroke.finishedAt <= killedAt);
      drawnAt.splice(0, drawnAt.length, ...finished);
      const mustSurvive = finished.filter((stroke) => stroke.finishedAt <= killedAt - DURABILITY_MARGIN_MS);
      const last = finished.at(-1);
      if (last) margins.push(Math.round(killedAt - last.finishedAt));
      expect(mustSurvive.length).toBeGreaterThan(survivorsBefore);

      const reopened = await participants.launch('Alice', profile);
      await reopened.page.goto(boardUrl(webUrl, board, 'Alice'));
      await expect.poll(() => itemCount(reopened.page), { timeout: SYNC_TIMEOUT }).toBeGreaterThanOrEqual(mustSurvive.length);
      const starts = await strokeStarts(reopened.page);
      const missing = mustSurvive.filter(({ start }) => !starts.some(([x, y]) => Math.abs(x - start[0]) < 1 && Math.abs(y - start[1]) < 1));
      expect(missing).toEqual([]);
      // What survived beyond the bound is kept too: it is on the board, so the next round must find it.
      drawnAt.splice(0, drawnAt.length, ...finished.filter(({ start }) => starts.some(([x, y]) => Math.abs(x - start[0]) < 1 && Math.abs(y - start[1]) < 1)));
      participants.closed(reopened);
      await reopened.close();
    }
    console.info(`durability: time from the last finished stroke to the kill, per round: ${margins.join(', ')} ms`);
  }, 240_000);
});
