import { describe, expect, test } from 'vitest';
import { MAX_ZOOM, MIN_ZOOM } from './board-view-store.js';
import { boardToScreen, fitted, following, panned, screenToBoard, visibleRegion, zoomedAbout } from './camera.js';

const camera = { x: 100, y: -50, zoom: 2 };
const size = { width: 800, height: 600 };

describe('camera math', () => {
  test('screen to board and back returns the same point', () => {
    const board = screenToBoard(camera, { x: 40, y: 30 });
    expect(board).toEqual({ x: 120, y: -35 });
    expect(boardToScreen(camera, board)).toEqual({ x: 40, y: 30 });
  });

  test('zooming about a point keeps the board point under it in place', () => {
    const screen = { x: 300, y: 200 };
    const before = screenToBoard(camera, screen);
    const zoomed = zoomedAbout(camera, screen, 1.5);
    expect(zoomed.zoom).toBe(3);
    const after = screenToBoard(zoomed, screen);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });

  test('zoom is clamped to its limits', () => {
    expect(zoomedAbout(camera, { x: 0, y: 0 }, 1_000).zoom).toBe(MAX_ZOOM);
    expect(zoomedAbout(camera, { x: 0, y: 0 }, 0.000_1).zoom).toBe(MIN_ZOOM);
  });

  test('panning moves the board with the pointer, in screen pixels', () => {
    expect(panned(camera, 20, -10)).toEqual({ x: 90, y: -45, zoom: 2 });
  });

  test('the visible region is the canvas in board units', () => {
    expect(visibleRegion(camera, size)).toEqual({ x: 100, y: -50, width: 400, height: 300 });
  });

  test('fit centres the drawing with a margin, never above 2x, and an empty board shows the origin', () => {
    const fit = fitted({ minX: 0, minY: 0, maxX: 1_520, maxY: 100 }, size);
    expect(fit.zoom).toBeCloseTo(0.5, 9);
    expect(fit.x + size.width / 2 / fit.zoom).toBeCloseTo(760, 9);
    expect(fit.y + size.height / 2 / fit.zoom).toBeCloseTo(50, 9);
    expect(fitted({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, size).zoom).toBe(2);
    expect(fitted(null, size)).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(fitted({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, { width: 0, height: 0 })).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  test('following shows all of the peer viewport, centred, and waits for a canvas size', () => {
    const camera = following({ x: 0, y: 0, width: 1_600, height: 600 }, size);
    expect(camera?.zoom).toBe(0.5);
    const region = camera ? visibleRegion(camera, size) : null;
    expect(region?.x).toBe(0);
    expect((region?.y ?? 0) + (region?.height ?? 0) / 2).toBe(300);
    expect(following({ x: 0, y: 0, width: 10, height: 10 }, { width: 0, height: 0 })).toBeNull();
  });
});
