import { encodePoints, type StrokePoint } from './points.js';
import type { BoardItem, ReadItem } from './schema.js';

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function boundsOfPoints(points: Iterable<readonly [number, number, ...unknown[]]>, padding: number): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { minX: minX - padding, minY: minY - padding, maxX: maxX + padding, maxY: maxY + padding };
}

/** The box two corners span, whichever way they were dragged: a shape, a marquee. */
export function cornerBounds(corners: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }): Bounds {
  return { minX: Math.min(corners.x1, corners.x2), minY: Math.min(corners.y1, corners.y2), maxX: Math.max(corners.x1, corners.x2), maxY: Math.max(corners.y1, corners.y2) };
}

/** Approximate width of a line of text, in board units: enough for hit-testing and culling. */
export function textSize(text: string, fontSize: number): { width: number; height: number } {
  const lines = text.split('\n');
  const longest = Math.max(...lines.map((line) => line.length));
  return { width: Math.max(fontSize, longest * fontSize * 0.6), height: lines.length * fontSize * 1.25 };
}

/** Everything an item may paint, including stroke width and arrow heads. */
export function itemBounds(read: ReadItem): Bounds {
  const { item } = read;
  if (item.type === 'stroke') {
    const extent = read.pointBounds ?? boundsOfPoints(read.points ?? [], 0);
    const pad = item.style.width;
    return { minX: extent.minX - pad, minY: extent.minY - pad, maxX: extent.maxX + pad, maxY: extent.maxY + pad };
  }
  if (item.type === 'shape') {
    const pad = item.style.width + (item.kind === 'arrow' ? item.style.width * 4 + 12 : 0);
    return boundsOfPoints(
      [
        [item.x1, item.y1],
        [item.x2, item.y2],
      ],
      pad,
    );
  }
  if (item.type === 'text') {
    const size = textSize(item.text, item.style.width);
    return { minX: item.x, minY: item.y, maxX: item.x + size.width, maxY: item.y + size.height };
  }
  return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
}

export function unionBounds(a: Bounds | null, b: Bounds): Bounds {
  if (!a) return b;
  return { minX: Math.min(a.minX, b.minX), minY: Math.min(a.minY, b.minY), maxX: Math.max(a.maxX, b.maxX), maxY: Math.max(a.maxY, b.maxY) };
}

export function intersects(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Whether (x, y) touches what the item paints, within `tolerance` board units. */
export function hitsItem(read: ReadItem, x: number, y: number, tolerance: number): boolean {
  const { item } = read;
  if (read.points) {
    const reach = tolerance + item.style.width / 2;
    const points = read.points;
    for (let index = 0; index < points.length; index += 1) {
      const [ax, ay] = points[Math.max(0, index - 1)] as StrokePoint;
      const [bx, by] = points[index] as StrokePoint;
      if (distanceToSegment(x, y, ax, ay, bx, by) <= reach) return true;
    }
    return false;
  }
  if (item.type === 'shape') {
    const reach = tolerance + item.style.width / 2;
    if (item.kind === 'line' || item.kind === 'arrow') return distanceToSegment(x, y, item.x1, item.y1, item.x2, item.y2) <= reach;
    const { minX, minY, maxX, maxY } = cornerBounds(item);
    if (item.kind === 'rectangle') {
      return (
        distanceToSegment(x, y, minX, minY, maxX, minY) <= reach ||
        distanceToSegment(x, y, maxX, minY, maxX, maxY) <= reach ||
        distanceToSegment(x, y, maxX, maxY, minX, maxY) <= reach ||
        distanceToSegment(x, y, minX, maxY, minX, minY) <= reach
      );
    }
    const rx = (maxX - minX) / 2;
    const ry = (maxY - minY) / 2;
    if (rx < 1 || ry < 1) return distanceToSegment(x, y, minX, minY, maxX, maxY) <= reach;
    const nx = (x - (minX + rx)) / rx;
    const ny = (y - (minY + ry)) / ry;
    // Distance from the outline, approximated by the radial error scaled back to units.
    return Math.abs(Math.hypot(nx, ny) - 1) * Math.min(rx, ry) <= reach;
  }
  const bounds = itemBounds(read);
  return x >= bounds.minX - tolerance && x <= bounds.maxX + tolerance && y >= bounds.minY - tolerance && y <= bounds.maxY + tolerance;
}

/** An affine map of the plane restricted to translation and axis scaling: what move and resize need. */
export interface Placement {
  readonly scaleX: number;
  readonly scaleY: number;
  /** Board point that stays fixed while scaling. */
  readonly originX: number;
  readonly originY: number;
  readonly dx: number;
  readonly dy: number;
}

export const IDENTITY_PLACEMENT: Placement = { scaleX: 1, scaleY: 1, originX: 0, originY: 0, dx: 0, dy: 0 };

export function placePoint(placement: Placement, x: number, y: number): [number, number] {
  return [placement.originX + (x - placement.originX) * placement.scaleX + placement.dx, placement.originY + (y - placement.originY) * placement.scaleY + placement.dy];
}

/** The item moved and scaled; strokes are re-encoded, widths scale with the mean factor. */
export function placeItem(read: ReadItem, placement: Placement): BoardItem {
  const { item } = read;
  const meanScale = Math.sqrt(Math.abs(placement.scaleX * placement.scaleY));
  const style = { ...item.style, width: Math.max(0.5, Math.min(200, item.style.width * meanScale)) };
  if (read.points && item.type === 'stroke') {
    const points = read.points.map(([x, y, pressure]) => [...placePoint(placement, x, y), pressure] as const);
    return { ...item, style, points: encodePoints(points, read.hasPressure) };
  }
  if (item.type === 'shape') {
    const [x1, y1] = placePoint(placement, item.x1, item.y1);
    const [x2, y2] = placePoint(placement, item.x2, item.y2);
    return { ...item, style, x1, y1, x2, y2 };
  }
  if (item.type === 'text') {
    const [x, y] = placePoint(placement, item.x, item.y);
    return { ...item, style, x, y };
  }
  return item;
}
