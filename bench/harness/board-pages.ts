// What the board benchmarks do to a board page: wait for it, load big
// boards through its import button, draw strokes with the mouse and time
// them from one page to another.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { drag, itemCount } from '../../e2e/harness/board-browser.js';
import { boardToJson } from '../../shared/board/board-json.js';
import { handDrawnStroke, sampleStroke } from '../../shared/board/test-items.js';
import { waitFor } from './wait-for.js';

/**
 * A JSON export of `count` 50-point strokes laid out in rows, written into
 * `directory`: regular waves, or hand-drawn ones where bytes on the wire
 * matter (waves compress ten times better than real ink).
 */
export async function boardFile(directory: string, count: number, shape: 'wave' | 'hand-drawn' = 'wave'): Promise<string> {
  const file = path.join(directory, `board-${count}-${shape}.json`);
  const stroke = (index: number, x: number, y: number) => (shape === 'wave' ? sampleStroke(x, y, index + 1, 50) : handDrawnStroke(x, y, index + 1, index, 50));
  const strokes = Array.from({ length: count }, (_, index) => stroke(index, (index % 250) * 160, Math.floor(index / 250) * 40));
  await writeFile(file, boardToJson(strokes));
  return file;
}

/** Loads a board file through the import button, as a user would, and waits until the page counts its items. */
export async function importBoard(page: Page, file: string, count: number): Promise<void> {
  await page.getByTestId('board-import-input').setInputFiles(file);
  await waitFor(async () => (await itemCount(page)) >= count, 300_000, `${count} strokes imported`);
}

/** In the page: whether the board shows `count` items with every tile in view painted sharp. */
export function boardShownScript(count: number): string {
  return `(() => {
    const canvas = document.querySelector('[data-testid="board-canvas"]');
    return !!canvas && Number(canvas.getAttribute('data-item-count')) >= ${count} && canvas.getAttribute('data-painted') === 'complete';
  })()`;
}

/**
 * Milliseconds from the import's file being chosen (the input's change
 * event) to the first frame that shows all `count` items painted sharp,
 * measured in the page.
 */
export async function timeImport(page: Page, file: string, count: number): Promise<number> {
  await page.evaluate(`(() => {
    const input = document.querySelector('[data-testid="board-import-input"]');
    input.addEventListener('change', () => {
      const chosen = performance.now();
      const check = () => (${boardShownScript(count)} ? Object.assign(window, { importTime: performance.now() - chosen }) : requestAnimationFrame(check));
      requestAnimationFrame(check);
    }, { once: true, capture: true });
  })()`);
  await page.getByTestId('board-import-input').setInputFiles(file);
  await waitFor(async () => (await page.evaluate(() => (window as unknown as { importTime?: number }).importTime)) !== undefined, 300_000, `${count} strokes imported`);
  return page.evaluate(() => (window as unknown as { importTime: number }).importTime);
}

/** Records, in the page, the wall-clock time (ms, sub-ms precision) of every change of the canvas's item count. */
export async function watchArrivals(page: Page): Promise<void> {
  await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="board-canvas"]');
    const arrivals: number[] = [];
    (window as unknown as { arrivals: number[] }).arrivals = arrivals;
    new MutationObserver(() => arrivals.push(performance.timeOrigin + performance.now())).observe(canvas as Node, { attributes: true, attributeFilter: ['data-item-count'] });
  });
}

export async function readArrivals(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { arrivals: number[] }).arrivals);
}

export async function watchPointerUps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const ups: number[] = [];
    (window as unknown as { ups: number[] }).ups = ups;
    document.querySelector('[data-testid="board-canvas"]')?.addEventListener('pointerup', (event) => ups.push(performance.timeOrigin + event.timeStamp), true);
  });
}

export async function readPointerUps(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { ups: number[] }).ups);
}

/** Rows of strokes and the pixels between them: a board beside a call is short, and only its visible part takes the mouse. */
const MAX_STROKE_ROWS = 12;
const ROW_PITCH = 45;

/** The `index`th of a set of short strokes, laid out in columns of rows that fit the visible canvas, so that none overlaps the last. */
export async function drawStroke(page: Page, index: number): Promise<void> {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('the board canvas is not visible');
  const visible = Math.min(box.height, (page.viewportSize()?.height ?? box.y + box.height) - box.y);
  const rows = Math.max(1, Math.min(MAX_STROKE_ROWS, Math.floor((visible - 65) / ROW_PITCH) + 1));
  const y = 40 + (index % rows) * ROW_PITCH;
  const x = 40 + (Math.floor(index / rows) % 4) * 220;
  await drag(page, [
    [x, y],
    [x + 60, y + 20],
    [x + 120, y],
    [x + 180, y + 25],
  ]);
}

/** Milliseconds from each stroke's pointer-up on `sender` to its item counted on `receiver`, one stroke at a time. */
export async function strokeLatency(sender: Page, receiver: Page, strokes: number): Promise<number[]> {
  await watchPointerUps(sender);
  await watchArrivals(receiver);
  const start = await itemCount(receiver);
  for (let index = 0; index < strokes; index += 1) {
    await drawStroke(sender, index);
    const expected = start + index + 1;
    await waitFor(
      async () => (await itemCount(receiver)) >= expected,
      20_000,
      `stroke ${index + 1} of ${strokes} to arrive`,
      async () => `the receiver counts ${await itemCount(receiver).catch(() => -1)} items, the sender ${await itemCount(sender).catch(() => -1)}, where ${expected} were due`,
    );
  }
  const ups = await readPointerUps(sender);
  const arrivals = await readArrivals(receiver);
  return ups.map((up, index) => (arrivals[index] ?? Number.NaN) - up);
}
