import { describe, expect, test } from 'vitest';
import { readItem, type ReadItem } from '../../../shared/board/schema.js';
import { sampleShape } from '../../../shared/board/test-items.js';
import { arrowHead } from './arrowhead.js';
import { paintOrder } from './paint-order.js';
import { outlinePath, strokeOpacity, strokeOptions } from './stroke-outline.js';

function read(id: string, z: number): ReadItem {
  const result = readItem(id, { ...sampleShape('line', z), id });
  if (!result) throw new Error('invalid test item');
  return result;
}

describe('ink', () => {
  test('paint order is by z, then by id, so every peer paints ties alike', () => {
    const order = paintOrder([read('b', 2), read('c', 1), read('a', 2)]).map((item) => item.item.id);
    expect(order).toEqual(['c', 'a', 'b']);
  });

  test('arrow barbs sit behind the tip, symmetric about the shaft, longer for wider lines', () => {
    const [left, right] = arrowHead({ x1: 0, y1: 0, x2: 100, y2: 0 }, 2);
    expect(left[0]).toBeLessThan(100);
    expect(left[0]).toBeCloseTo(right[0], 9);
    expect(left[1]).toBeCloseTo(-right[1], 9);
    expect(Math.hypot(100 - left[0], left[1])).toBeCloseTo(16, 9);
    const [wide] = arrowHead({ x1: 0, y1: 0, x2: 100, y2: 0 }, 10);
    expect(Math.hypot(100 - wide[0], wide[1])).toBeCloseTo(40, 9);
  });

  test('highlighters never thin and never exceed their translucency; pens simulate pressure only without a pen', () => {
    expect(strokeOptions('highlighter', 8, true, true)).toMatchObject({ thinning: 0, simulatePressure: false });
    expect(strokeOptions('pen', 8, true, false)).toMatchObject({ thinning: 0.6, simulatePressure: false, last: false });
    expect(strokeOptions('pen', 8, false, true).simulatePressure).toBe(true);
    expect(strokeOpacity('highlighter', { color: '#000000', width: 1, opacity: 0.2 })).toBe(0.2);
    expect(strokeOpacity('highlighter', { color: '#000000', width: 1, opacity: 1 })).toBe(0.35);
    expect(strokeOpacity('pen', { color: '#000000', width: 1, opacity: 1 })).toBe(1);
  });

  test('an outline becomes a closed quadratic path through the midpoints, and a degenerate one is empty', () => {
    expect(outlinePath([[0, 0]])).toBe('');
    expect(outlinePath([[0, 0], [10, 0], [10, 10]])).toBe('M0.00 0.00Q0.00 0.00 5.00 0.00 10.00 0.00 10.00 5.00 10.00 10.00 5.00 5.00 Z');
  });
});
