import { describe, expect, test } from 'vitest';
import { overlap, overviewZoom, tileBounds, tileRange, tilesAround, withinRing } from './tile-grid.js';

describe('the board cut into tiles', () => {
  test('a tile covers its square of the board', () => {
    expect(tileBounds({ col: -1, row: 2 }, 100)).toEqual({ minX: -100, minY: 200, maxX: 0, maxY: 300 });
  });

  test('the tiles a region meets, an edge on a tile boundary not reaching the next, negative coordinates included', () => {
    expect(tileRange({ minX: 0, minY: 0, maxX: 200, maxY: 100 }, 100)).toEqual({ cols: [0, 1], rows: [0, 0] });
    expect(tileRange({ minX: -150, minY: 50, maxX: 10, maxY: 60 }, 100)).toEqual({ cols: [-2, 0], rows: [0, 0] });
    expect(tileRange({ minX: 0, minY: 0, maxX: 200, maxY: 100 }, 100, 1)).toEqual({ cols: [-1, 2], rows: [-1, 1] });
  });

  test('an empty region still meets the tile it lies in', () => {
    expect(tileRange({ minX: 100, minY: 100, maxX: 100, maxY: 100 }, 100)).toEqual({ cols: [1, 1], rows: [1, 1] });
  });

  test('tiles come nearest the centre first, then the ring around', () => {
    const tiles = tilesAround({ minX: 100, minY: 100, maxX: 200, maxY: 200 }, 100, 1);
    expect(tiles).toHaveLength(9);
    expect(tiles[0]).toEqual({ col: 1, row: 1 });
    expect(tiles.slice(1, 5)).toEqual(expect.arrayContaining([{ col: 0, row: 1 }, { col: 2, row: 1 }, { col: 1, row: 0 }, { col: 1, row: 2 }]));
  });

  test('a tile beyond the ring is not kept', () => {
    const region = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
    expect(withinRing({ col: 2, row: 0 }, region, 100, 2)).toBe(true);
    expect(withinRing({ col: 3, row: 0 }, region, 100, 2)).toBe(false);
    expect(withinRing({ col: 0, row: -3 }, region, 100, 2)).toBe(false);
  });

  test("the overview's zoom fits the board's longer side, on a power of two, never above the highest", () => {
    expect(overviewZoom({ minX: 0, minY: 0, maxX: 40_000, maxY: 8_000 }, 2048, 0.25)).toBe(2 ** -5);
    expect(overviewZoom({ minX: -1000, minY: 0, maxX: 1000, maxY: 100 }, 2048, 0.25)).toBe(0.25);
    // Growing a little keeps the zoom: the overview is not repainted for each stroke at the edge.
    expect(overviewZoom({ minX: 0, minY: 0, maxX: 41_000, maxY: 8_000 }, 2048, 0.25)).toBe(2 ** -5);
  });

  test('the overlap of two regions, or null when they only touch', () => {
    expect(overlap({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, { minX: 5, minY: -5, maxX: 20, maxY: 5 })).toEqual({ minX: 5, minY: 0, maxX: 10, maxY: 5 });
    expect(overlap({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, { minX: 10, minY: 0, maxX: 20, maxY: 10 })).toBeNull();
  });
});
