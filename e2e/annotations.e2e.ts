import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { OverlayContentSchema, type OverlayContent } from '../shared/desktop/overlay.js';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { decodingNames, describeCallPage } from './harness/call-page.js';
import { useTestStack } from './harness/test-stack.js';

/**
 * Annotations on a shared screen, on the real stack: Alice shares the fake
 * screen, Bob draws over it, Carol (a different window shape, so a
 * different tile) checks where the marks land. One call carried through
 * every scenario in order; every check polls for an outcome.
 */
const testStack = useTestStack('annotations');

interface Mark {
  readonly id: string;
  readonly kind: string;
  readonly color: string;
  readonly first: [number, number];
  readonly last?: [number, number];
}
interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const PEN_COLOR = '#e11d48';
const LASER_COLOR = '#ff2020';

function layer(page: Page, role: 'viewer' | 'presenter') {
  return page.locator(`[data-testid="annotation-layer"][data-role="${role}"]`);
}

async function marks(page: Page, role: 'viewer' | 'presenter'): Promise<Mark[]> {
  const text = await layer(page, role).getAttribute('data-items', { timeout: 2_000 }).catch(() => null);
  return text ? (JSON.parse(text) as Mark[]) : [];
}

async function contentRect(page: Page, role: 'viewer' | 'presenter'): Promise<Rect | null> {
  const text = await layer(page, role).getAttribute('data-content-rect', { timeout: 2_000 }).catch(() => null);
  return text ? (JSON.parse(text) as Rect) : null;
}

async function overlay(page: Page): Promise<OverlayContent> {
  const text = await page.getByTestId('overlay-content').getAttribute('data-content', { timeout: 2_000 }).catch(() => null);
  // What the presenter's page would send to the overlay window must pass the IPC channel's own schema.
  return text ? OverlayContentSchema.parse(JSON.parse(text)) : { strokes: [] };
}

/** Page coordinates of a point given in fractions of the shared content, on this participant's screen. */
async function pagePoint(page: Page, role: 'viewer' | 'presenter', x: number, y: number): Promise<[number, number]> {
  const found: { point?: [number, number] } = {};
  // The layer is placed again whenever the video's size changes (a simulcast layer arriving, the tile moving): wait for it to be placed.
  await expect
    .poll(
      async () => {
        const box = await layer(page, role).boundingBox();
        const rect = await contentRect(page, role);
        if (box && rect) found.point = [box.x + rect.x + x * rect.width, box.y + rect.y + y * rect.height];
        return box !== null && rect !== null;
      },
      { timeout: 10_000, message: `${role}'s layer over the shared video has a content rectangle` },
    )
    .toBe(true);
  if (!found.point) throw new Error('the shared video has no content rectangle');
  return found.point;
}

async function dragThrough(page: Page, role: 'viewer' | 'presenter', points: ReadonlyArray<readonly [number, number]>): Promise<void> {
  const [first, ...rest] = points;
  if (!first) return;
  await page.mouse.move(...(await pagePoint(page, role, first[0], first[1])));
  await page.mouse.down();
  for (const [x, y] of rest) await page.mouse.move(...(await pagePoint(page, role, x, y)), { steps: 8 });
  await page.mouse.up();
}

/**
 * Watches, inside the page, for an element's attribute to contain a text, and remembers that it did under
 * `key`: for what shows only briefly, which a poll from the test could miss.
 */
async function latchWhenSeen(page: Page, key: string, selector: string, attribute: string, contains: string): Promise<void> {
  await page.evaluate(
    ({ key, selector, attribute, contains }) => {
      const seen = ((window as unknown as { seenInPage?: Record<string, boolean> }).seenInPage ??= {});
      seen[key] = false;
      const check = (): boolean => (seen[key] = seen[key] || (document.querySelector(selector)?.getAttribute(attribute) ?? '').includes(contains));
      const observer = new MutationObserver(() => check() && observer.disconnect());
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: [attribute] });
    },
    { key, selector, attribute, contains },
  );
}

function latched(page: Page, key: string): Promise<boolean> {
  return page.evaluate((key) => (window as unknown as { seenInPage?: Record<string, boolean> }).seenInPage?.[key] === true, key);
}

/**
 * The most opaque pixel of the annotation canvas within two device pixels of a point in content
 * fractions: a thin line's centre falls between pixels.
 */
async function canvasPixel(page: Page, x: number, y: number): Promise<[number, number, number, number]> {
  return page.evaluate(
    ([fx, fy]) => {
      const layerElement = document.querySelector('[data-testid="annotation-layer"][data-role="viewer"]') as HTMLElement;
      const canvas = layerElement.querySelector('canvas') as HTMLCanvasElement;
      const rect = JSON.parse(layerElement.dataset.contentRect ?? '{}') as { x: number; y: number; width: number; height: number };
      const ratio = canvas.width / layerElement.clientWidth;
      const data = canvas.getContext('2d')!.getImageData(Math.round((rect.x + fx * rect.width) * ratio) - 2, Math.round((rect.y + fy * rect.height) * ratio) - 2, 5, 5).data;
      let best = 0;
      for (let index = 0; index < data.length; index += 4) if (data[index + 3]! > data[best + 3]!) best = index;
      return [data[best]!, data[best + 1]!, data[best + 2]!, data[best + 3]!] as [number, number, number, number];
    },
    [x, y] as const,
  );
}

const near = (value: number, expected: number): boolean => Math.abs(value - expected) < 0.003;
/** The pen's red, also where its edge is anti-aliased over a transparent canvas. */
const isPen = ([red, green, blue, alpha]: readonly number[]): boolean => alpha! > 60 && red! > 150 && green! < 100 && blue! < 140;

describe('annotations on a shared screen', () => {
  const room = uniqueRoom('annotate');
  let alice: Participant;
  let bob: Participant;
  let carol: Participant;

  beforeAll(async () => {
    [alice, bob, carol] = await Promise.all([
      launchParticipant('Alice', { width: 1280, height: 720 }),
      launchParticipant('Bob', { width: 1280, height: 720 }),
      // Square and smaller: the shared 16:9 video is letterboxed in a tile of another size.
      launchParticipant('Carol', { width: 900, height: 900 }),
    ]);
  });
  afterEach(async ({ task }) => {
    // One call runs through every test: when one fails, say what each page showed, since the next tests build on it.
    if (task.result?.state !== 'fail') return;
    for (const person of [alice, bob, carol]) console.warn(`${person.name}: ${await describeCallPage(person.page)}`);
  });
  afterAll(async () => {
    const problems = [alice, bob, carol].flatMap((person) => person?.problems ?? []);
    await Promise.all([alice, bob, carol].map((person) => person?.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test('a stroke drawn by one viewer lands on the same content point for the other viewer and in the presenter overlay', async () => {
    const { webUrl } = testStack();
    for (const person of [alice, bob, carol]) await person.page.goto(joinUrl(webUrl, room, person.name));
    for (const person of [bob, carol]) {
      await expect.poll(() => decodingNames(person.page), { timeout: 45_000, interval: 500 }).toHaveLength(2);
    }
    await alice.page.getByTestId('toggle-screen').click();
    for (const person of [bob, carol]) {
      await expect.poll(() => decodingNames(person.page, 'screen-tile'), { timeout: 30_000, interval: 500 }).toEqual(['Alice']);
    }
    // Both viewers' layers placed over the shared video, read together.
    let rects: Array<Rect | null> = [];
    await expect
      .poll(
        async () => {
          rects = await Promise.all([contentRect(bob.page, 'viewer'), contentRect(carol.page, 'viewer')]);
          return rects.every((rect) => rect !== null);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const [bobRect, carolRect] = rects as [Rect, Rect];
    // The two viewers really see the share at different sizes.
    expect(Math.abs(bobRect.width - carolRect.width)).toBeGreaterThan(20);

    // Bob draws a horizontal pen stroke from (0.25, 0.5) to (0.35, 0.5) of the shared content.
    await dragThrough(bob.page, 'viewer', [
      [0.25, 0.5],
      [0.3, 0.5],
      [0.35, 0.5],
    ]);
    await expect.poll(async () => (await marks(carol.page, 'viewer')).length, { timeout: 20_000 }).toBe(1);
    const [mark] = await marks(carol.page, 'viewer');
    expect(mark).toMatchObject({ kind: 'pen', color: PEN_COLOR });
    expect(near(mark!.first[0], 0.25) && near(mark!.first[1], 0.5)).toBe(true);
    expect(near(mark!.last![0], 0.35) && near(mark!.last![1], 0.5)).toBe(true);
    // Bob's own copy holds the same numbers.
    expect(await marks(bob.page, 'viewer')).toEqual([mark]);
    // And Carol's canvas is painted there, mapped through her own (letterboxed) rectangle.
    await expect.poll(() => canvasPixel(carol.page, 0.3, 0.5).then(isPen), { timeout: 10_000 }).toBe(true);
    expect(isPen(await canvasPixel(carol.page, 0.3, 0.2))).toBe(false);

    // The presenter's overlay channel carries the same stroke, in the same fractions.
    await expect.poll(async () => (await overlay(alice.page)).strokes.length, { timeout: 20_000 }).toBe(1);
    const [stroke] = (await overlay(alice.page)).strokes;
    expect(stroke!.color).toBe(PEN_COLOR);
    const [firstX, firstY] = stroke!.points[0]!;
    const [lastX, lastY] = stroke!.points[stroke!.points.length - 1]!;
    expect(near(firstX, 0.25) && near(firstY, 0.5) && near(lastX, 0.35) && near(lastY, 0.5)).toBe(true);
  });

  test('a laser stroke shows for the others and the presenter, then fades away', async () => {
    await bob.page.getByTestId('annotation-tool-laser').first().click();
    // A laser lasts two seconds: watched from inside the pages, so a slow drag on a loaded machine cannot make the check miss it.
    await latchWhenSeen(carol.page, 'laser-on-viewer', '[data-testid="annotation-layer"][data-role="viewer"]', 'data-lasers', '1');
    await latchWhenSeen(alice.page, 'laser-in-overlay', '[data-testid="overlay-content"]', 'data-content', `"color":"${LASER_COLOR}"`);
    await dragThrough(bob.page, 'viewer', [
      [0.6, 0.3],
      [0.7, 0.35],
      [0.8, 0.3],
    ]);
    await expect.poll(() => latched(carol.page, 'laser-on-viewer'), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => latched(alice.page, 'laser-in-overlay'), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => layer(carol.page, 'viewer').getAttribute('data-lasers'), { timeout: 20_000 }).toBe('0');
    await expect.poll(async () => (await overlay(alice.page)).strokes.map((stroke) => stroke.color), { timeout: 20_000 }).toEqual([PEN_COLOR]);
    // A laser never enters the document.
    expect(await marks(carol.page, 'viewer')).toHaveLength(1);
  });

  test('when the presenter denies annotation, further strokes are refused, and her undo takes back only her own marks', async () => {
    await alice.page.getByTestId('annotation-allow').click();
    for (const viewer of [bob, carol]) {
      await expect.poll(() => layer(viewer.page, 'viewer').getAttribute('data-allowed'), { timeout: 20_000 }).toBe('false');
      await expect.poll(() => viewer.page.getByTestId('annotation-denied').isVisible(), { timeout: 5_000 }).toBe(true);
    }
    // Bob tries anyway; then the presenter, who may always draw, adds a rectangle.
    await dragThrough(bob.page, 'viewer', [
      [0.1, 0.8],
      [0.2, 0.8],
    ]);
    await alice.page.getByTestId('annotation-tool-rectangle').click();
    await dragThrough(alice.page, 'presenter', [
      [0.5, 0.6],
      [0.7, 0.8],
    ]);
    for (const person of [bob, carol]) {
      await expect.poll(async () => (await marks(person.page, 'viewer')).map((mark) => mark.kind).sort(), { timeout: 20_000 }).toEqual(['pen', 'rectangle']);
    }
    await expect.poll(async () => (await overlay(alice.page)).strokes.length, { timeout: 20_000 }).toBe(2);
    expect((await marks(alice.page, 'presenter')).map((mark) => mark.kind).sort()).toEqual(['pen', 'rectangle']);

    // Undo is per user: the presenter's undo takes back her rectangle, never Bob's stroke.
    await alice.page.getByTestId('annotation-undo').click();
    for (const person of [bob, carol]) {
      await expect.poll(async () => (await marks(person.page, 'viewer')).map((mark) => mark.kind), { timeout: 20_000 }).toEqual(['pen']);
    }
    await dragThrough(alice.page, 'presenter', [
      [0.5, 0.6],
      [0.7, 0.8],
    ]);
    await expect.poll(async () => (await marks(carol.page, 'viewer')).map((mark) => mark.kind).sort(), { timeout: 20_000 }).toEqual(['pen', 'rectangle']);
  });

  test('stopping the share ends the session, and the saved PNG holds the frame with the strokes', async () => {
    await alice.page.getByTestId('toggle-screen').click();
    await expect.poll(() => bob.page.getByTestId('annotation-ended').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => bob.page.getByTestId('annotation-layer').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await overlay(alice.page)).strokes.length, { timeout: 10_000 }).toBe(0);
    const [download] = await Promise.all([bob.page.waitForEvent('download'), bob.page.getByTestId('annotation-save-png').click()]);
    const file = await readFile((await download.path())!);
    expect(file.subarray(1, 4).toString('latin1')).toBe('PNG');
    const reading = await bob.page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const at = (x: number, y: number) => Array.from(context.getImageData(Math.round(x * bitmap.width), Math.round(y * bitmap.height), 1, 1).data);
      // The reddest pixel within two pixels: a thin line's centre falls between pixels.
      const near = (x: number, y: number) => {
        const data = context.getImageData(Math.round(x * bitmap.width) - 2, Math.round(y * bitmap.height) - 2, 5, 5).data;
        let best = 0;
        for (let index = 0; index < data.length; index += 4) if (data[index]! - data[index + 1]! > data[best]! - data[best + 1]!) best = index;
        return Array.from(data.subarray(best, best + 4));
      };
      // The fake screen is not a flat colour: count distinct colours along a diagonal away from the marks.
      const colours = new Set<string>();
      for (let step = 0; step < 50; step += 1) colours.add(at(0.02 + step * 0.004, 0.05 + step * 0.004).join(','));
      return { width: bitmap.width, height: bitmap.height, stroke: near(0.3, 0.5), rectangleEdge: near(0.5, 0.7), background: at(0.9, 0.1), colours: colours.size };
    }, file.toString('base64'));
    expect(reading.width).toBeGreaterThan(0);
    expect(reading.width / reading.height).toBeCloseTo(16 / 9, 1);
    expect(isPen(reading.stroke)).toBe(true);
    expect(isPen(reading.rectangleEdge)).toBe(true);
    // The frame is there under the marks: opaque, not pen-coloured, and not blank.
    expect(reading.background[3]).toBe(255);
    expect(isPen(reading.background)).toBe(false);
    expect(reading.colours).toBeGreaterThan(1);
  });
});
