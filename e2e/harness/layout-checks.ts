import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** A control whose centre another element covers, or that lies outside the window. */
export interface HiddenControl {
  readonly control: string;
  readonly covered: string;
}

/**
 * Every visible control in `scope` (buttons, fields, the board canvas):
 * `document.elementFromPoint` at its centre must be the control itself or
 * something inside it, and the centre must lie in the window.
 */
export function hiddenControls(page: Page, scope: string): Promise<HiddenControl[]> {
  return page.evaluate((selector) => {
    const describe = (element: Element | null): string => {
      if (!element) return 'nothing (outside the window)';
      const id = element.getAttribute('data-testid');
      const label = element.getAttribute('aria-label');
      return `${element.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${label ? `[aria-label="${label}"]` : ''}`;
    };
    const root = document.querySelector(selector);
    if (!root) return [{ control: selector, covered: 'not on the page' }];
    const controls = Array.from(root.querySelectorAll('button, input, select, textarea, canvas[tabindex]'));
    const problems: { control: string; covered: string }[] = [];
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const inWindow = x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight;
      const hit = inWindow ? document.elementFromPoint(x, y) : null;
      if (!hit || !(hit === control || control.contains(hit))) problems.push({ control: describe(control), covered: describe(hit) });
    }
    return problems;
  }, scope);
}

/** One video tile: the shape of its box and of the frames it shows. */
export interface TileShape {
  readonly tile: string;
  readonly boxAspect: number;
  readonly videoAspect: number;
}

/** Every tile showing video, with its box's aspect and its video's (`videoWidth / videoHeight`). */
export function tileShapes(page: Page): Promise<TileShape[]> {
  return page.$$eval('[data-testid="tile"], [data-testid="tile-self"], [data-testid="screen-tile"], [data-testid="local-screen-tile"]', (tiles) =>
    tiles.flatMap((tile) => {
      const video = tile.querySelector('video');
      const box = tile.getBoundingClientRect();
      if (!video || video.videoWidth === 0 || video.videoHeight === 0 || box.height === 0) return [];
      return [{ tile: `${tile.getAttribute('data-testid')}:${tile.getAttribute('data-name') ?? 'self'}`, boxAspect: box.width / box.height, videoAspect: video.videoWidth / video.videoHeight }];
    }),
  );
}

/** Tiles whose box differs from their video's shape by more than `tolerance` (a fraction). */
export async function misshapenTiles(page: Page, tolerance: number): Promise<TileShape[]> {
  return (await tileShapes(page)).filter((shape) => Math.abs(shape.boxAspect - shape.videoAspect) / shape.videoAspect > tolerance);
}

/** axe-core's serious and critical findings on the page as it is now, one line each. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  // An audit that checked nothing would pass anything.
  if (results.passes.length === 0) throw new Error('axe-core checked no rule on the page');
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** What pressing Tab through a scope showed: the controls it never reached, and those it reached without a visible focus. */
export interface KeyboardReach {
  readonly unreached: string[];
  readonly noVisibleFocus: string[];
}

/**
 * Presses Tab from the top of the page until the focus comes round again,
 * and compares what it reached with every visible, enabled control in
 * `scope`. A reached control must match `:focus-visible` and draw an
 * outline or a shadow there.
 */
export async function keyboardReach(page: Page, scope: string): Promise<KeyboardReach> {
  const controls = await page.evaluate((selector) => {
    const found = Array.from(document.querySelector(selector)?.querySelectorAll('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])') ?? []);
    return found
      .filter((element) => {
        const box = element.getBoundingClientRect();
        // Of a radio group, Tab reaches the checked one; arrows move between them.
        const unselectedRadio = element instanceof HTMLInputElement && element.type === 'radio' && !element.checked;
        return box.width > 0 && box.height > 0 && !(element as HTMLButtonElement).disabled && getComputedStyle(element).visibility !== 'hidden' && !unselectedRadio;
      })
      .map((element, index) => {
        element.setAttribute('data-reach', String(index));
        const id = element.getAttribute('data-testid');
        return `${element.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}[aria-label="${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}"]`;
      });
  }, scope);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<number>();
  const noVisibleFocus = new Set<string>();
  // Twice the count is room enough for a full round through the page.
  for (let press = 0; press < controls.length * 2 + 10; press += 1) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const visible = element.matches(':focus-visible') && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
      return { index: element.getAttribute('data-reach'), visible };
    });
    if (focus?.index == null) continue;
    const index = Number(focus.index);
    // Round once: the focus is back where it started.
    if (reached.has(index) && index === reached.values().next().value && reached.size > 1) break;
    if (!focus.visible) noVisibleFocus.add(controls[index] ?? String(index));
    reached.add(index);
  }
  return { unreached: controls.filter((_, index) => !reached.has(index)), noVisibleFocus: [...noVisibleFocus] };
}
