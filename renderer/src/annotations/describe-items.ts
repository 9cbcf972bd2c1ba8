import type { ReadItem } from '../../../shared/board/schema.js';
import { paintOrder } from './annotation-render.js';

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

/** A summary of the marks for tests and assistive tools: kind, and first and last point in content fractions. */
export function describeItems(items: Iterable<ReadItem>): string {
  return JSON.stringify(
    paintOrder(items).map(({ item, points }) => {
      const fractions = (x: number, y: number): [number, number] => [round(x / 10_000), round(y / 10_000)];
      if (item.type === 'stroke' && points) {
        const first = points[0] as readonly number[];
        const last = points[points.length - 1] as readonly number[];
        return { id: item.id, kind: item.tool, color: item.style.color, first: fractions(first[0]!, first[1]!), last: fractions(last[0]!, last[1]!) };
      }
      if (item.type === 'shape') return { id: item.id, kind: item.kind, color: item.style.color, first: fractions(item.x1, item.y1), last: fractions(item.x2, item.y2) };
      return { id: item.id, kind: 'text', color: item.style.color, first: fractions(item.type === 'text' ? item.x : 0, item.type === 'text' ? item.y : 0) };
    }),
  );
}
