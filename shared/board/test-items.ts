import { newItemId } from './board-doc.js';
import { encodePoints, type StrokePoint } from './points.js';
import type { ShapeItem, StrokeItem } from './schema.js';

/** A wavy stroke of `pointCount` points starting at (x, y): realistic sizes for tests and benchmarks. */
export function sampleStroke(x: number, y: number, z: number, pointCount = 50): StrokeItem {
  const points: StrokePoint[] = [];
  for (let index = 0; index < pointCount; index += 1) {
    points.push([x + index * 3, y + Math.sin(index / 4) * 12, 0.3 + (index % 10) / 20]);
  }
  return {
    id: newItemId(),
    type: 'stroke',
    tool: 'pen',
    z,
    style: { color: '#1e66f5', width: 4, opacity: 1 },
    points: encodePoints(points, true),
  };
}

export function sampleShape(kind: ShapeItem['kind'], z: number): ShapeItem {
  return { id: newItemId(), type: 'shape', kind, z, style: { color: '#d20f39', width: 2, opacity: 1 }, x1: 0, y1: 0, x2: 100, y2: 50 };
}
