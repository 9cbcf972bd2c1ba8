import { describe, expect, test } from 'vitest';
import { clampToContent, contentRect, isInsideContent, pixelsToSize, sizeToPixels, toElement, toNormalized } from './frame-mapping.js';

const SCREEN = { width: 1280, height: 720 };

describe('contentRect', () => {
  test('exact fit: the frame fills the element', () => {
    expect(contentRect({ width: 640, height: 360 }, SCREEN)).toEqual({ x: 0, y: 0, width: 640, height: 360 });
  });

  test('pillarbox: a 4:3 frame in a 16:9 tile leaves bars left and right', () => {
    // 4:3 frame in a 16:9 tile.
    expect(contentRect({ width: 1600, height: 900 }, { width: 1200, height: 900 })).toEqual({ x: 200, y: 0, width: 1200, height: 900 });
  });

  test('letterbox: a 16:9 frame in a square tile leaves bars above and below', () => {
    expect(contentRect({ width: 900, height: 900 }, SCREEN)).toEqual({ x: 0, y: 196.875, width: 900, height: 506.25 });
  });

  test('unknown sizes give no rectangle', () => {
    expect(contentRect({ width: 0, height: 900 }, SCREEN)).toBeNull();
    expect(contentRect({ width: 900, height: 900 }, { width: 0, height: 0 })).toBeNull();
  });
});

describe('normalised coordinates', () => {
  test('a mark lands on the same pixel of the content in every tile shape', () => {
    const tiles = [
      { width: 1280, height: 720 },
      { width: 900, height: 900 },
      { width: 400, height: 700 },
      { width: 1920, height: 600 },
    ];
    // Drawn at the content pixel (320, 540) of the 1280x720 screen, in the first tile (exact fit).
    const drawn = toNormalized(contentRect(tiles[0]!, SCREEN)!, 320, 540);
    expect(drawn).toEqual({ x: 0.25, y: 0.75 });
    for (const tile of tiles) {
      const rect = contentRect(tile, SCREEN)!;
      const shown = toElement(rect, drawn);
      // Back to the content's own pixels: always (320, 540).
      expect((shown.x - rect.x) * (SCREEN.width / rect.width)).toBeCloseTo(320, 9);
      expect((shown.y - rect.y) * (SCREEN.height / rect.height)).toBeCloseTo(540, 9);
      expect(toNormalized(rect, shown.x, shown.y).x).toBeCloseTo(0.25, 12);
      expect(toNormalized(rect, shown.x, shown.y).y).toBeCloseTo(0.75, 12);
    }
  });

  test('pillarbox bars are outside the content', () => {
    const rect = contentRect({ width: 1600, height: 900 }, { width: 1200, height: 900 })!;
    expect(toNormalized(rect, 200, 0)).toEqual({ x: 0, y: 0 });
    expect(toNormalized(rect, 1400, 900)).toEqual({ x: 1, y: 1 });
    const onBar = toNormalized(rect, 100, 450);
    expect(onBar.x).toBeLessThan(0);
    expect(isInsideContent(onBar)).toBe(false);
  });

  test('letterbox bars are outside the content', () => {
    const rect = contentRect({ width: 900, height: 900 }, SCREEN)!;
    const onTopBar = toNormalized(rect, 450, 100);
    expect(onTopBar.x).toBeCloseTo(0.5, 12);
    expect(onTopBar.y).toBeLessThan(0);
    expect(isInsideContent(onTopBar)).toBe(false);
    expect(isInsideContent(toNormalized(rect, 450, 450))).toBe(true);
  });

  test('points outside the content clamp to its nearest edge', () => {
    expect(clampToContent({ x: -0.2, y: 0.5 })).toEqual({ x: 0, y: 0.5 });
    expect(clampToContent({ x: 1.4, y: -3 })).toEqual({ x: 1, y: 0 });
    expect(clampToContent({ x: 0.3, y: 0.7 })).toEqual({ x: 0.3, y: 0.7 });
  });

  test('a resolution change of the share keeps every mark on the same content pixel', () => {
    const tile = { width: 1000, height: 800 };
    const mark = { x: 0.6, y: 0.4 };
    // The sender drops from 1280x720 to 640x360 (same aspect): same place in the tile.
    const before = toElement(contentRect(tile, SCREEN)!, mark);
    const after = toElement(contentRect(tile, { width: 640, height: 360 })!, mark);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
    // The shared window is resized to a 4:3 shape: the mark follows the content, now pillarboxed.
    const reshaped = contentRect(tile, { width: 800, height: 600 })!;
    const moved = toElement(reshaped, mark);
    expect(toNormalized(reshaped, moved.x, moved.y).x).toBeCloseTo(0.6, 12);
    expect(moved.x).toBeCloseTo(reshaped.x + 0.6 * reshaped.width, 9);
  });

  test('sizes scale with the content height', () => {
    const small = contentRect({ width: 640, height: 360 }, SCREEN)!;
    const large = contentRect({ width: 1280, height: 720 }, SCREEN)!;
    const size = pixelsToSize(small, 4);
    expect(sizeToPixels(large, size)).toBeCloseTo(8, 12);
  });
});
