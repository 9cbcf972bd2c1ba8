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

const HAND_COLORS = ['#1e66f5', '#d20f39', '#40a02b', '#df8e1d', '#4c4f69'] as const;

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32): the same board on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A stroke as a hand draws it: a wandering path with jitter, varying
 * pressure, colour and width. Unlike `sampleStroke`'s regular wave it
 * compresses as real ink does (about half), so transfer figures are fair.
 */
export function handDrawnStroke(x: number, y: number, z: number, seed: number, pointCount = 50): StrokeItem {
  const random = seededRandom(seed);
  const points: StrokePoint[] = [];
  let [px, py, dx, dy] = [x, y, random() * 4 - 2, random() * 4 - 2];
  for (let index = 0; index < pointCount; index += 1) {
    dx += random() - 0.5;
    dy += random() - 0.5;
    px += dx + random() * 0.7;
    py += dy + random() * 0.7;
    points.push([px, py, 0.3 + random() * 0.5]);
  }
  return {
    id: newItemId(),
    type: 'stroke',
    tool: 'pen',
    z,
    style: { color: HAND_COLORS[seed % HAND_COLORS.length] as string, width: 2 + (seed % 4), opacity: 1 },
    points: encodePoints(points, true),
  };
}
