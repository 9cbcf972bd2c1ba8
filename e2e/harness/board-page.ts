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

/** Whether the board canvas shows ink within 3 pixels of (x, y) in canvas pixels: the board paints nothing under empty space. */
export async function inkNear(page: Page, x: number, y: number): Promise<boolean> {
  return page.getByTestId('board-canvas').evaluate(
    (canvas, [px, py]) => {
      const board = canvas as HTMLCanvasElement;
      const ratio = board.width / board.getBoundingClientRect().width;
      const data = board.getContext('2d')?.getImageData(Math.round((px - 3) * ratio), Math.round((py - 3) * ratio), Math.ceil(7 * ratio), Math.ceil(7 * ratio)).data;
      if (!data) return false;
      for (let alpha = 3; alpha < data.length; alpha += 4) if ((data[alpha] ?? 0) > 0) return true;
      return false;
    },
    [x, y] as const,
  );
}
