import { afterEach, describe, expect, test, vi } from 'vitest';
import { encodePoints, type StrokePoint } from '../../../shared/board/points.js';
import { readItem, type BoardItem, type ReadItem } from '../../../shared/board/schema.js';
import { OverlayContentSchema } from '../../../shared/desktop/overlay.js';
import type { Annotator } from './annotation-awareness.js';
import { drawAnnotation, LASER_COLOR, toOverlayContent } from './annotation-render.js';

const FRAME = { width: 1280, height: 720 };
const style = { color: '#e11d48', width: 5.5, opacity: 1 };

function read(item: BoardItem): ReadItem {
  const result = readItem(item.id, item);
  if (!result) throw new Error('invalid test item');
  return result;
}

function stroke(id: string, points: StrokePoint[], tool: 'pen' | 'highlighter' = 'pen'): ReadItem {
  return read({ id, z: 1, type: 'stroke', tool, style, points: encodePoints(points, false) });
}

describe('overlay content for the presenter', () => {
  test('strokes arrive as display fractions, with widths in display pixels, and pass the IPC schema', () => {
    const content = toOverlayContent([stroke('a', [[2_500, 5_000, 0.5], [3_500, 5_000, 0.5]])], [], FRAME);
    expect(OverlayContentSchema.safeParse(content).success).toBe(true);
    expect(content.strokes).toHaveLength(1);
    expect(content.strokes[0]?.points).toEqual([[0.25, 0.5], [0.35, 0.5]]);
    expect(content.strokes[0]?.width).toBeCloseTo((5.5 * 720) / 1000, 9);
  });

  test('rectangles close, arrows get a head, highlighters stay translucent, text keeps its corner', () => {
    const rectangle = read({ id: 'r', z: 2, type: 'shape', kind: 'rectangle', style, x1: 1_000, y1: 1_000, x2: 2_000, y2: 3_000 });
    const arrow = read({ id: 's', z: 3, type: 'shape', kind: 'arrow', style, x1: 5_000, y1: 5_000, x2: 9_000, y2: 5_000 });
    const text = read({ id: 't', z: 4, type: 'text', style: { ...style, width: 33 }, x: 6_000, y: 2_000, text: 'here' });
    const content = toOverlayContent([text, arrow, stroke('h', [[0, 0, 0.5], [100, 100, 0.5]], 'highlighter'), rectangle], [], FRAME);
    expect(OverlayContentSchema.safeParse(content).success).toBe(true);
    const [highlight, box, shaft, head] = content.strokes;
    expect(highlight?.opacity).toBeLessThan(1);
    expect(box?.points).toEqual([[0.1, 0.1], [0.2, 0.1], [0.2, 0.3], [0.1, 0.3], [0.1, 0.1]]);
    expect(shaft?.points).toEqual([[0.5, 0.5], [0.9, 0.5]]);
    // The barbs sit behind the tip, one above and one below the shaft.
    expect(head?.points[1]).toEqual([0.9, 0.5]);
    expect(head?.points[0]?.[0]).toBeLessThan(0.9);
    expect((head?.points[0]?.[1] ?? 0) - 0.5).toBeCloseTo(0.5 - (head?.points[2]?.[1] ?? 0), 9);
    expect(content.texts).toEqual([{ color: style.color, size: (33 * 720) / 1000, at: [0.6, 0.2], text: 'here' }]);
  });

  test('long strokes are thinned to the overlay bound, and points off the content are clamped', () => {
    const points: StrokePoint[] = Array.from({ length: 5_000 }, (_, index) => [index * 3 - 1_000, 5_000, 0.5]);
    const content = toOverlayContent([stroke('long', points)], [], FRAME);
    expect(OverlayContentSchema.safeParse(content).success).toBe(true);
    expect(content.strokes[0]?.points.length).toBe(2_000);
    expect(content.strokes[0]?.points.every(([x]) => x >= 0 && x <= 1)).toBe(true);
  });

  test('laser trails are drawn on top, and people without one add nothing', () => {
    const laser: Annotator = { clientId: 1, name: 'Bob', color: '#1e66f5', cursor: { x: 0.5, y: 0.5 }, laser: [[0.1, 0.1], [0.2, 0.2]], self: false };
    const idle: Annotator = { ...laser, clientId: 2, laser: [] };
    const content = toOverlayContent([], [laser, idle], FRAME);
    expect(content.strokes).toEqual([{ color: LASER_COLOR, width: 4, points: [[0.1, 0.1], [0.2, 0.2]] }]);
  });
});

/** Records the calls made on a path, standing in for the browser's Path2D. */
class RecordedPath {
  readonly calls: Array<[string, ...number[]]> = [];
  rect(...args: number[]): void {
    this.calls.push(['rect', ...args]);
  }
  moveTo(...args: number[]): void {
    this.calls.push(['moveTo', ...args]);
  }
  lineTo(...args: number[]): void {
    this.calls.push(['lineTo', ...args]);
  }
}

describe('annotations painted on a viewer', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('a rectangle is stroked at the pixels of the content rectangle, with its width in that rectangle\'s scale', () => {
    vi.stubGlobal('Path2D', RecordedPath);
    const stroked: Array<{ path: RecordedPath; lineWidth: number; color: string }> = [];
    const context = {
      save: () => undefined,
      restore: () => undefined,
      globalAlpha: 1,
      lineWidth: 0,
      strokeStyle: '',
      lineCap: '',
      lineJoin: '',
      stroke(path: RecordedPath) {
        stroked.push({ path, lineWidth: this.lineWidth, color: this.strokeStyle });
      },
    };
    const rect = { x: 100, y: 50, width: 640, height: 360 };
    const rectangle = read({ id: 'r', z: 1, type: 'shape', kind: 'rectangle', style, x1: 5_000, y1: 5_000, x2: 2_500, y2: 2_500 });
    drawAnnotation(context as unknown as CanvasRenderingContext2D, rect, rectangle);
    expect(stroked).toHaveLength(1);
    expect(stroked[0]?.path.calls).toEqual([['rect', 260, 140, 160, 90]]);
    expect(stroked[0]?.lineWidth).toBeCloseTo((5.5 * 360) / 1000, 9);
    expect(stroked[0]?.color).toBe(style.color);
  });
});
