import { describe, expect, test } from 'vitest';
import { decodePoints, encodePoints, MAX_STROKE_POINTS, scanPoints, type StrokePoint } from './points.js';

describe('point encoding', () => {
  test('round-trips coordinates to a quarter unit and pressure to a byte', () => {
    const points: StrokePoint[] = [
      [10.1, -20.6, 0.2],
      [11.37, -19, 1],
      [-5000.5, 30000.25, 0],
    ];
    const decoded = decodePoints(encodePoints(points, true));
    expect(decoded?.hasPressure).toBe(true);
    decoded?.points.forEach(([x, y, pressure], index) => {
      const [ex, ey, ep] = points[index] as StrokePoint;
      expect(Math.abs(x - ex)).toBeLessThanOrEqual(0.125);
      expect(Math.abs(y - ey)).toBeLessThanOrEqual(0.125);
      expect(Math.abs(pressure - ep)).toBeLessThanOrEqual(1 / 255);
    });
  });

  test('is compact: a 50-point stroke without pressure takes a few bytes per point', () => {
    const points: StrokePoint[] = Array.from({ length: 50 }, (_, index) => [100 + index * 2, 200 + index, 0.5]);
    expect(encodePoints(points, false).length).toBeLessThan(50 * 4);
  });

  test('refuses truncated, padded, oversized and empty encodings', () => {
    const bytes = encodePoints([[1, 2, 0.5], [3, 4, 0.5]], true);
    expect(decodePoints(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(decodePoints(new Uint8Array([...bytes, 0]))).toBeNull();
    expect(decodePoints(new Uint8Array([0, 0]))).toBeNull();
    expect(decodePoints(new Uint8Array([7, 1, 0, 0]))).toBeNull();
    const tooMany = Array.from({ length: MAX_STROKE_POINTS + 1 }, (_, index): StrokePoint => [index, 0, 0.5]);
    expect(decodePoints(encodePoints(tooMany, false))).toBeNull();
    // The scan that opens a board refuses the same encodings.
    for (const bad of [bytes.subarray(0, bytes.length - 1), new Uint8Array([...bytes, 0]), new Uint8Array([0, 0]), encodePoints(tooMany, false)]) expect(scanPoints(bad)).toBeNull();
  });

  test('the scan measures what the decoded points span', () => {
    const points: StrokePoint[] = [
      [10, -20, 0.2],
      [-7.5, 4, 1],
      [3, 41.25, 0],
    ];
    const bytes = encodePoints(points, true);
    expect(scanPoints(bytes)).toEqual({ hasPressure: true, minX: -7.5, minY: -20, maxX: 10, maxY: 41.25 });
    expect(decodePoints(bytes)?.points).toHaveLength(3);
  });
});
