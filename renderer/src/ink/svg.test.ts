import { describe, expect, test } from 'vitest';
import { encodePoints } from '../../../shared/board/points.js';
import { readItem, type BoardItem, type ReadItem } from '../../../shared/board/schema.js';
import { HIGHLIGHTER_OPACITY } from './stroke-outline.js';
import { itemToSvg } from './svg.js';

const style = { color: '#1e66f5', width: 2, opacity: 0.5 };

function read(item: BoardItem): ReadItem {
  const result = readItem(item.id, item);
  if (!result) throw new Error('invalid test item');
  return result;
}

describe('SVG output', () => {
  test('rectangles and ellipses take their box whichever way they were dragged', () => {
    expect(itemToSvg(read({ id: 'r', z: 1, type: 'shape', kind: 'rectangle', style, x1: 50, y1: 40, x2: 10, y2: 0 }))).toMatch(/^<rect x="10" y="0" width="40" height="40" fill="none" stroke="#1e66f5" stroke-width="2" stroke-opacity="0.5"/);
    expect(itemToSvg(read({ id: 'e', z: 1, type: 'shape', kind: 'ellipse', style, x1: 0, y1: 0, x2: 20, y2: 10 }))).toMatch(/^<ellipse cx="10" cy="5" rx="10" ry="5" /);
  });

  test('an arrow is its shaft and two barbs meeting at the tip', () => {
    const svg = itemToSvg(read({ id: 'a', z: 1, type: 'shape', kind: 'arrow', style, x1: 0, y1: 0, x2: 100, y2: 0 }));
    // Barbs 16 long (10 + 3 per unit of width) at 1/7 of a half turn either side of the shaft.
    expect(svg).toMatch(/^<path d="M0 0L100 0M85\.58\d* 6\.94\d*L100 0L85\.58\d* -6\.94\d*" /);
  });

  test('text is escaped and split into lines', () => {
    const svg = itemToSvg(read({ id: 't', z: 1, type: 'text', style: { ...style, width: 20 }, x: 5, y: 6, text: 'a<b\n"c"' }));
    expect(svg).toContain('<tspan x="5" dy="0">a&#60;b</tspan><tspan x="5" dy="25">&#34;c&#34;</tspan>');
    expect(svg).not.toContain('a<b');
  });

  test('a highlighter stroke is a filled outline, translucent whatever its opacity', () => {
    const points = encodePoints([[0, 0, 0.5], [50, 0, 0.5], [100, 10, 0.5]], false);
    const svg = itemToSvg(read({ id: 's', z: 1, type: 'stroke', tool: 'highlighter', style: { ...style, opacity: 1 }, points }));
    expect(svg).toMatch(/^<path d="M[-\d.]+ [-\d.]+Q[^"]+Z" fill="#1e66f5" fill-opacity="0.35"\/>$/);
    expect(HIGHLIGHTER_OPACITY).toBe(0.35);
  });
});
