import type { Page } from 'playwright-core';

/** How many items the page's board holds, as its canvas says. */
export async function itemCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('board-canvas').getAttribute('data-item-count'));
}

/** Drags the mouse through `points` (canvas pixels) with the button held: real pointer events in the page. */
export async function drag(page: Page, points: ReadonlyArray<readonly [number, number]>): Promise<void> {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('the board canvas is not visible');
  const [first, ...rest] = points;
  if (!first) return;
  await page.mouse.move(box.x + first[0], box.y + first[1]);
  await page.mouse.down();
  for (const [x, y] of rest) await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
  await page.mouse.up();
}
