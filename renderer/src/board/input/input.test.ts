import { describe, expect, test } from 'vitest';
import { screenToBoard } from '../camera.js';
import { steppedWidth } from './board-keyboard.js';
import { pinchCamera, startPinch } from './pinch.js';
import { wheelAction } from './wheel.js';

const wheel = { deltaMode: 0, deltaX: 0, deltaY: 0, ctrlKey: false, metaKey: false, shiftKey: false };

describe('board input', () => {
  test('a wheel pans, shift turns it sideways, and lines and pages are converted to pixels', () => {
    expect(wheelAction({ ...wheel, deltaX: 5, deltaY: 10 }, { x: 0, y: 0 }, 600)).toEqual({ kind: 'pan', dx: -5, dy: -10 });
    expect(wheelAction({ ...wheel, deltaY: 10, shiftKey: true }, { x: 0, y: 0 }, 600)).toEqual({ kind: 'pan', dx: -10, dy: 0 });
    expect(wheelAction({ ...wheel, deltaY: 2, deltaMode: 1 }, { x: 0, y: 0 }, 600)).toEqual({ kind: 'pan', dx: -0, dy: -32 });
    expect(wheelAction({ ...wheel, deltaY: 1, deltaMode: 2 }, { x: 0, y: 0 }, 600)).toEqual({ kind: 'pan', dx: -0, dy: -600 });
  });

  test('ctrl or cmd with the wheel (a trackpad pinch) zooms about the pointer, in for a negative delta', () => {
    const zoomIn = wheelAction({ ...wheel, deltaY: -200, ctrlKey: true }, { x: 30, y: 40 }, 600);
    expect(zoomIn).toMatchObject({ kind: 'zoom', x: 30, y: 40 });
    expect(zoomIn.kind === 'zoom' && zoomIn.factor).toBeCloseTo(Math.E, 9);
    const zoomOut = wheelAction({ ...wheel, deltaY: 100, metaKey: true }, { x: 0, y: 0 }, 600);
    expect(zoomOut.kind === 'zoom' && zoomOut.factor).toBeLessThan(1);
  });

  test('a pinch keeps the board point under the fingers under them as they spread and move', () => {
    const camera = { x: 10, y: 20, zoom: 1 };
    const pinch = startPinch(camera, { x: 100, y: 100 }, { x: 200, y: 100 });
    const next = pinchCamera(pinch, { x: 50, y: 150 }, { x: 250, y: 150 });
    expect(next.zoom).toBe(2);
    expect(screenToBoard(next, { x: 150, y: 150 })).toEqual(screenToBoard(camera, { x: 150, y: 100 }));
  });

  test('width steps go to the next listed width and stop at the ends', () => {
    expect(steppedWidth(4, 1)).toBe(8);
    expect(steppedWidth(4, -1)).toBe(2);
    expect(steppedWidth(3, 1)).toBe(8);
    expect(steppedWidth(1, -1)).toBe(1);
    expect(steppedWidth(32, 1)).toBe(32);
    expect(steppedWidth(100, -1)).toBe(16);
  });
});
