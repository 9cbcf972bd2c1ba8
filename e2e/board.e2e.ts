import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { boardToJson } from '../shared/board/board-json.js';
import { sampleStroke } from '../shared/board/test-items.js';
import { uniqueRoom } from './harness/browser.js';
import {
  boardUrl,
  drag,
  exportBoard,
  inkNear,
  itemCount,
  peerCount,
  useBoardParticipants,
} from './harness/board-browser.js';
import { useTestStack } from './harness/test-stack.js';

const SYNC_TIMEOUT = 30_000;

describe('the whiteboard between separate browsers, on real signaling and WebRTC', () => {
  const testStack = useTestStack('board');
  const participants = useBoardParticipants(testStack);

  test('strokes drawn with the pointer on A appear on B, cursors follow, and undo removes only one\u2019s own work', async () => {
    const { webUrl } = testStack();
    const board = uniqueRoom('board');
    const [alice, bob] = await Promise.all([participants.launch('Alice'), participants.launch('Bob')]);
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
    await expect.poll(() => bob.page.getByTestId('board-tool-rectangle').getAttribute('data-active')).toBe('true');
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
    await expect.poll(async () => (await exportBoard(alice.page)) === (await exportBoard(bob.page)), { timeout: SYNC_TIMEOUT }).toBe(true);
  }, 120_000);

  test('a stroke shows on the other side while it is drawn, becomes one stored item on release, and undo takes it all back', async () => {
    const { webUrl } = testStack();
    const board = uniqueRoom('board-live');
    const [alice, bob] = await Promise.all([participants.launch('Alice'), participants.launch('Bob')]);
    await alice.page.goto(boardUrl(webUrl, board, 'Alice'));
    await bob.page.goto(boardUrl(webUrl, board, 'Bob'));
    for (const each of [alice, bob]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    expect(await inkNear(bob.page, 300, 300)).toBe(false);

    const box = await alice.page.getByTestId('board-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await alice.page.mouse.move(box.x + 200, box.y + 300);
    await alice.page.mouse.down();
    await alice.page.mouse.move(box.x + 300, box.y + 300, { steps: 8 });
    await alice.page.mouse.move(box.x + 400, box.y + 320, { steps: 8 });
    // The button is still down: Bob sees the ink, and nothing is in the document yet.
    await expect.poll(() => inkNear(bob.page, 300, 300), { timeout: SYNC_TIMEOUT }).toBe(true);
    expect(await itemCount(bob.page)).toBe(0);
    expect(await itemCount(alice.page)).toBe(0);

    await alice.page.mouse.up();
    for (const each of [alice, bob]) await expect.poll(() => itemCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    expect(await inkNear(bob.page, 300, 300)).toBe(true);
    const stored = JSON.parse(await exportBoard(bob.page)) as { items: Array<{ type: string }> };
    expect(stored.items.map((item) => item.type)).toEqual(['stroke']);

    await alice.page.keyboard.press('Control+z');
    for (const each of [alice, bob]) await expect.poll(() => itemCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(0);
    // No live copy lingers once the stroke is gone.
    await expect.poll(() => inkNear(bob.page, 300, 300), { timeout: SYNC_TIMEOUT }).toBe(false);
  }, 120_000);

  test('every tool, chosen by its shortcut, makes what it should on the other side', async () => {
    const { webUrl, stack } = testStack();
    const board = uniqueRoom('tools');
    const [alice, bob] = await Promise.all([participants.launch('Alice'), participants.launch('Bob')]);
    await alice.page.goto(boardUrl(webUrl, board, 'Alice'));
    await bob.page.goto(boardUrl(webUrl, board, 'Bob'));
    for (const each of [alice, bob]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    const page = alice.page;
    const bobItems = async (): Promise<Array<Record<string, unknown>>> => (JSON.parse(await exportBoard(bob.page)) as { items: Array<Record<string, unknown>> }).items;
    const kinds = async (): Promise<string[]> => (await bobItems()).map((item) => String(item.kind ?? item.tool ?? item.type)).sort();

    await page.keyboard.press('2');
    await page.keyboard.press('p');
    await drag(page, [
      [60, 80],
      [120, 120],
      [180, 90],
    ]);
    await page.keyboard.press('h');
    await drag(page, [
      [60, 200],
      [200, 200],
    ]);
    for (const [key, from, to] of [
      ['l', [260, 60], [360, 120]],
      ['a', [260, 180], [360, 240]],
      ['r', [420, 60], [540, 140]],
      ['o', [420, 200], [540, 280]],
    ] as const) {
      await page.keyboard.press(key);
      await drag(page, [from, to]);
    }
    await page.keyboard.press('t');
    const canvas = await page.getByTestId('board-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await page.mouse.click(canvas.x + 600, canvas.y + 80);
    await page.getByTestId('board-text-input').fill('Hello board');
    await page.getByTestId('board-text-input').press('Enter');
    // A second text is placed where it was typed when a click elsewhere opens the next one.
    await page.mouse.click(canvas.x + 600, canvas.y + 320);
    await page.getByTestId('board-text-input').fill('Second');
    await page.mouse.click(canvas.x + 800, canvas.y + 320);
    await page.keyboard.press('Escape');
    await expect.poll(kinds, { timeout: SYNC_TIMEOUT }).toEqual(['arrow', 'ellipse', 'highlighter', 'line', 'pen', 'rectangle', 'text', 'text']);
    expect((await bobItems()).filter((item) => item.type === 'text').map((item) => [item.text, item.x])).toEqual(
      expect.arrayContaining([
        ['Hello board', 600],
        ['Second', 600],
      ]),
    );
    const pen = (await bobItems()).find((item) => item.tool === 'pen');
    expect(pen?.style).toMatchObject({ color: '#d20f39' });
    await page.screenshot({ path: path.join(stack.runDirectory, 'tools.png') });

    // Select the rectangle by its edge and drag it 100 px right; then delete it with the keyboard.
    await page.keyboard.press('v');
    await drag(page, [
      [420, 100],
      [470, 100],
      [520, 100],
    ]);
    await expect
      .poll(async () => (await bobItems()).find((item) => item.kind === 'rectangle')?.x1, { timeout: SYNC_TIMEOUT })
      .toBeCloseTo(520, 0);
    // Resize it from its bottom-right handle.
    await drag(page, [
      [641, 141],
      [700, 200],
    ]);
    await expect
      .poll(async () => Number((await bobItems()).find((item) => item.kind === 'rectangle')?.x2), { timeout: SYNC_TIMEOUT })
      .toBeGreaterThan(680);
    await page.keyboard.press('Delete');
    await expect.poll(kinds, { timeout: SYNC_TIMEOUT }).toEqual(['arrow', 'ellipse', 'highlighter', 'line', 'pen', 'text', 'text']);

    // The eraser removes what it passes over.
    await page.keyboard.press('e');
    await drag(page, [
      [120, 60],
      [120, 140],
    ]);
    await expect.poll(kinds, { timeout: SYNC_TIMEOUT }).toEqual(['arrow', 'ellipse', 'highlighter', 'line', 'text', 'text']);

    // Follow: Bob follows Alice, Alice zooms in, Bob's view follows.
    await bob.page.locator('[data-testid="board-peer"][data-name="Alice"]').click();
    await page.keyboard.press('=');
    await page.keyboard.press('=');
    await expect.poll(() => bob.page.locator('[data-testid="board-peer"][data-following="true"]').count()).toBe(1);
    await expect.poll(() => bob.page.getByTestId('board-canvas').getAttribute('data-zoom'), { timeout: SYNC_TIMEOUT }).toBe('1.56');
    await bob.page.screenshot({ path: path.join(stack.runDirectory, 'tools-follow.png') });
  }, 120_000);

  test('a peer sending a crafted update is dropped, the others keep syncing, and everyone converges after it reconnects', async () => {
    const { webUrl } = testStack();
    const board = uniqueRoom('crafted');
    const [alice, bob, mallory] = await Promise.all([participants.launch('Alice'), participants.launch('Bob'), participants.launch('Mallory')]);
    // Mallory's browser swaps its next sync update (sent raw: it fits a frame), once, for the shape of yjs issue 687: 2^50 clients announced in a few bytes.
    await mallory.context.addInitScript(`(() => {
      const send = RTCDataChannel.prototype.send;
      RTCDataChannel.prototype.send = function (data) {
        if (window.corruptNextUpdate && data instanceof Uint8Array && data[0] === 0 && data[1] === 2) {
          window.corruptNextUpdate = false;
          return send.call(this, new Uint8Array([0, 2, 9, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0]));
        }
        return send.call(this, data);
      };
    })()`);
    for (const each of [alice, bob, mallory]) await each.page.goto(boardUrl(webUrl, board, each.name));
    for (const each of [alice, bob, mallory]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(2);

    await mallory.page.evaluate(() => Object.assign(window, { corruptNextUpdate: true }));
    await drag(mallory.page, [
      [100, 100],
      [200, 160],
    ]);
    await expect
      .poll(() => [...alice.problems, ...bob.problems].some((problem) => problem.includes('dropped a peer that sent bad data')), { timeout: SYNC_TIMEOUT })
      .toBe(true);

    await drag(alice.page, [
      [300, 300],
      [400, 360],
    ]);
    await expect.poll(() => itemCount(bob.page), { timeout: SYNC_TIMEOUT }).toBeGreaterThanOrEqual(1);
    // Mallory reconnects through signaling; its stroke then arrives in an ordinary sync exchange.
    for (const each of [alice, bob, mallory]) await expect.poll(() => itemCount(each.page), { timeout: 60_000 }).toBe(2);
    expect([...alice.problems, ...bob.problems].filter((problem) => problem.includes('page error'))).toEqual([]);
    // The refusal was expected here: keep it out of the warnings printed after the test.
    for (const each of [alice, bob]) each.problems.splice(0);
  }, 150_000);

  test('a board survives going offline: edits on both sides while apart merge into identical documents', async () => {
    const { webUrl, stack } = testStack();
    const board = uniqueRoom('offline');
    const aliceProfile = await participants.profile();
    let alice = await participants.launch('Alice', aliceProfile);
    const bob = await participants.launch('Bob');
    await alice.page.goto(boardUrl(webUrl, board, 'Alice'));
    await bob.page.goto(boardUrl(webUrl, board, 'Bob'));
    for (const each of [alice, bob]) await expect.poll(() => peerCount(each.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    await drag(alice.page, [
      [100, 100],
      [200, 150],
    ]);
    await expect.poll(() => itemCount(bob.page), { timeout: SYNC_TIMEOUT }).toBe(1);

    // A leaves; the board's storage writes shortly after each edit, so give it a moment before closing.
    await alice.page.waitForTimeout(1_000);
    await alice.close();
    participants.closed(alice);
    await stack.services.signaling.stop();

    await drag(bob.page, [
      [300, 300],
      [400, 380],
    ]);
    await expect.poll(() => itemCount(bob.page)).toBe(2);

    // A starts again with no network: the app reopens the last board from disk.
    alice = await participants.launch('Alice', aliceProfile);
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
    await expect.poll(() => itemCount(alice.page)).toBe(2);

    await stack.services.signaling.start();
    for (const each of [alice, bob]) await expect.poll(() => itemCount(each.page), { timeout: 60_000 }).toBe(3);
    await expect.poll(async () => (await exportBoard(alice.page)) === (await exportBoard(bob.page)), { timeout: SYNC_TIMEOUT }).toBe(true);
  }, 180_000);

  test('the board list shows boards kept on this machine, reopens them and deletes them', async () => {
    const { webUrl } = testStack();
    const board = uniqueRoom('kept');
    const alice = await participants.launch('Alice');
    await alice.page.goto(boardUrl(webUrl, board, 'Alice'));
    await drag(alice.page, [
      [100, 100],
      [200, 140],
    ]);
    await expect.poll(() => itemCount(alice.page)).toBe(1);
    await alice.page.waitForTimeout(500);
    await alice.page.getByTestId('board-close').click();

    const entry = alice.page.locator(`[data-testid="board-list-item"][data-board-id="${board}"]`);
    await expect.poll(() => entry.count()).toBe(1);
    await entry.getByTestId('board-list-open').click();
    await expect.poll(() => itemCount(alice.page), { timeout: SYNC_TIMEOUT }).toBe(1);
    await alice.page.getByTestId('board-close').click();

    await entry.getByTestId('board-list-delete').click();
    await expect.poll(() => entry.count()).toBe(0);
    await alice.page.getByTestId('board-list-new').fill(board);
    await alice.page.getByRole('button', { name: 'Open board' }).click();
    await expect.poll(() => alice.page.getByTestId('board').getAttribute('data-restored'), { timeout: SYNC_TIMEOUT }).toBe('true');
    expect(await itemCount(alice.page)).toBe(0);
  }, 60_000);

  test('a peer joining a board of 50,000 strokes receives all of it', async () => {
    const { webUrl, stack } = testStack();
    const board = uniqueRoom('large');
    const strokes = Array.from({ length: 50_000 }, (_, index) => sampleStroke((index % 250) * 160, Math.floor(index / 250) * 40, index + 1, 40));
    const file = path.join(stack.runDirectory, 'large-board.json');
    await writeFile(file, boardToJson(strokes));

    const alice = await participants.launch('Alice');
    await alice.page.goto(boardUrl(webUrl, board, 'Alice'));
    await alice.page.getByTestId('board-import-input').setInputFiles(file);
    await expect.poll(() => itemCount(alice.page), { timeout: 120_000, interval: 1_000 }).toBe(50_000);

    const bob = await participants.launch('Bob');
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
