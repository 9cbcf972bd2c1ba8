import { describe, expect, test } from 'vitest';
import type { StrokePoint } from '../../../shared/board/points.js';
import { decodeLiveStroke, encodeLiveStroke, LIVE_STROKE_MAX_POINTS, LiveStrokeWireSchema } from './live-strokes.js';

const style = { color: '#1e66f5', width: 4, opacity: 1 };

describe('live strokes', () => {
  test('a long stroke in progress fits the awareness bound, cut at the live limit', () => {
    const points: StrokePoint[] = Array.from({ length: 10_000 }, (_, index) => [index * 7.25, Math.round(Math.sin(index) * 3600) / 4, 0.5]);
    const wire = encodeLiveStroke({ id: 'abc', tool: 'highlighter', points, hasPressure: false }, style);
    expect(LiveStrokeWireSchema.safeParse(wire).success).toBe(true);
    expect(JSON.stringify(wire).length).toBeLessThan(64 * 1024);
    const live = decodeLiveStroke(wire);
    expect(live?.points).toHaveLength(LIVE_STROKE_MAX_POINTS);
    expect(live?.points[3]).toEqual(points[3]);
  });

  test('base64 that is not points gives no stroke', () => {
    expect(decodeLiveStroke({ id: 'abc', tool: 'pen', style, points: '!!!' })).toBeNull();
    expect(decodeLiveStroke({ id: 'abc', tool: 'pen', style, points: btoa('\u0007\u0001') })).toBeNull();
  });

  test('the wire schema refuses an id that could not be an item id, and oversized points', () => {
    expect(LiveStrokeWireSchema.safeParse({ id: '../x', tool: 'pen', style, points: '' }).success).toBe(false);
    expect(LiveStrokeWireSchema.safeParse({ id: 'a', tool: 'pen', style, points: 'A'.repeat(100_000) }).success).toBe(false);
  });
});
