import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { boardToJson } from '../shared/board/board-json.js';
import { sampleStroke } from '../shared/board/test-items.js';
import { uniqueRoom } from './harness/browser.js';
import {
  boardUrl,
  createProfile,
  drag,
  exportBoard,
  itemCount,
  launchBoardParticipant,
  peerCount,
  removeProfile,
  type BoardParticipant,
} from './harness/board-browser.js';
import { useTestStack } from './harness/test-stack.js';

const SYNC_TIMEOUT = 30_000;

describe('the whiteboard between separate browsers, on real signaling and WebRTC', () => {
  const testStack = useTestStack('board');
  const open: BoardParticipant[] = [];
  const profiles: string[] = [];

  async function participant(name: string, profile?: string): Promise<BoardParticipant> {
    const directory = profile ?? (await createProfile());
    if (!profile) profiles.push(directory);
    const launched = await launchBoardParticipant(name, testStack().webUrl, directory);
    open.push(launched);
    return launched;
  }

  afterEach(async () => {
    const problems = open.flatMap((each) => each.problems);
    await Promise.all(open.splice(0).map((each) => each.close().catch(() => undefined)));
    await Promise.all(profiles.splice(0).map(removeProfile));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test('strokes drawn with the pointer on A appear on B, cursors follow, and undo removes only one\u2019s own work', async () => {
    const { webUrl } = testStack();
    const board = uniqueRoom('board');
    const [alice, bob] = await Promise.all([participant('Alice'), participant('Bob')]);
    await alice.page.goto(boardUrl(webUrl, board, 'Alice'));
    await bob.page.goto(boardUrl(webUrl, board, 'Bob'));
    for (const each of [alice, bob]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);

    await drag(alice.page, [
      [200, 200],
      [260, 240],
      [330, 220],
      [400, 260],
    ]);
    await expect.poll(() => itemCount(bob.page), { timeout: SYNC_TIMEOUT }).toBe(1);

    await alice.page.mouse.move(500, 400);
    const aliceCursor = bob.page.locator('[data-testid="board-cursor"][data-name="Alice"]');
    await expect.poll(() => aliceCursor.count(), { timeout: SYNC_TIMEOUT }).toBe(1);
    await expect.poll(() => bob.page.locator('[data-testid="board-peer"][data-name="Alice"]').count()).toBe(1);

    // Bob picks the rectangle with its shortcut and draws one.
    await bob.page.keyboard.press('r');
    expect(await bob.page.getByTestId('board-tool-rectangle').getAttribute('data-active')).toBe('true');
    await drag(bob.page, [
      [600, 300],
      [700, 420],
    ]);
    await expect.poll(() => itemCount(alice.page), { timeout: SYNC_TIMEOUT }).toBe(2);

    // Alice undoes: her stroke goes on both sides, Bob's rectangle stays; redo brings it back.
    await alice.page.keyboard.press('Control+z');
    for (const each of [alice, bob]) await expect.poll(() => itemCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    const remaining = JSON.parse(await exportBoard(alice.page)) as { items: Array<{ type: string; kind?: string }> };
    expect(remaining.items.map((item) => item.kind ?? item.type)).toEqual(['rectangle']);
    await alice.page.keyboard.press('Control+z');
    expect(await itemCount(alice.page)).toBe(1);
    await alice.page.keyboard.press('Control+Shift+z');
    for (const each of [alice, bob]) await expect.poll(() => itemCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(2);
    expect(await exportBoard(alice.page)).toBe(await exportBoard(bob.page));
  }, 120_000);

  test('a board survives going offline: edits on both sides while apart merge into identical documents', async () => {
    const { webUrl, stack } = testStack();
    const board = uniqueRoom('offline');
    const aliceProfile = await createProfile();
    profiles.push(aliceProfile);
    let alice = await participant('Alice', aliceProfile);
    const bob = await participant('Bob');
    await alice.page.goto(boardUrl(webUrl, board, 'Alice'));
    await bob.page.goto(boardUrl(webUrl, board, 'Bob'));
    for (const each of [alice, bob]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    await drag(alice.page, [
      [100, 100],
      [200, 150],
    ]);
    await expect.poll(() => itemCount(bob.page), { timeout: SYNC_TIMEOUT }).toBe(1);

    // A leaves; y-indexeddb writes shortly after each edit, so give it a moment before closing.
    await alice.page.waitForTimeout(1_000);
    await alice.close();
    open.splice(open.indexOf(alice), 1);
    await stack.services.signaling.stop();

    await drag(bob.page, [
      [300, 300],
      [400, 380],
    ]);
    expect(await itemCount(bob.page)).toBe(2);

    // A starts again with no network: the app reopens the last board from disk.
    alice = await participant('Alice', aliceProfile);
    await alice.page.goto(webUrl);
    await expect.poll(() => itemCount(alice.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    expect(await alice.page.getByTestId('board').getAttribute('data-board-id')).toBe(board);
    expect(await alice.page.getByTestId('board-sync-status').getAttribute('data-status')).not.toBe('connected');
    await alice.page.keyboard.press('e');
    await alice.page.keyboard.press('p');
    await drag(alice.page, [
      [500, 100],
      [600, 200],
      [650, 150],
    ]);
    expect(await itemCount(alice.page)).toBe(2);

    await stack.services.signaling.start();
    for (const each of [alice, bob]) await expect.poll(() => itemCount(each.page), { timeout: 60_000 }).toBe(3);
    await expect.poll(async () => (await exportBoard(alice.page)) === (await exportBoard(bob.page)), { timeout: SYNC_TIMEOUT }).toBe(true);
  }, 180_000);

  test('a peer joining a board of 50,000 strokes receives all of it', async () => {
    const { webUrl, stack } = testStack();
    const board = uniqueRoom('large');
    const strokes = Array.from({ length: 50_000 }, (_, index) => sampleStroke((index % 250) * 160, Math.floor(index / 250) * 40, index + 1, 40));
    const file = path.join(stack.runDirectory, 'large-board.json');
    await writeFile(file, boardToJson(strokes));

    const alice = await participant('Alice');
    await alice.page.goto(boardUrl(webUrl, board, 'Alice'));
    await alice.page.getByTestId('board-import-input').setInputFiles(file);
    await expect.poll(() => itemCount(alice.page), { timeout: 120_000, interval: 1_000 }).toBe(50_000);

    const bob = await participant('Bob');
    await bob.page.goto(boardUrl(webUrl, board, 'Bob'));
    await expect.poll(() => itemCount(bob.page), { timeout: 150_000, interval: 1_000 }).toBe(50_000);
    // Still live after the large sync: a new stroke crosses both ways.
    await drag(bob.page, [
      [50, 600],
      [150, 650],
    ]);
    await expect.poll(() => itemCount(alice.page), { timeout: SYNC_TIMEOUT }).toBe(50_001);
  }, 300_000);
});
