import { FRAME_UNITS, sizeToPixels, type Rect } from '../../../shared/annotations/frame-mapping.js';
import type { ReadItem } from '../../../shared/board/schema.js';
import type { OverlayContent } from '../../../shared/desktop/overlay.js';
import { arrowHead } from '../ink/arrowhead.js';
import { itemPath, paintItem } from '../ink/canvas-paint.js';
import { paintOrder } from '../ink/paint-order.js';
import { strokeOpacity } from '../ink/stroke-outline.js';
import type { Annotator } from './annotation-awareness.js';

/**
 * Drawing annotations: items are stored in frame units (fractions of the
 * shared content times FRAME_UNITS) and sizes in thousandths of its height;
 * each viewer maps them onto the rectangle the content occupies on their
 * screen, then paints them with the board's ink.
 */

type Pixel = { x: number; y: number };
const toPixel = (rect: Rect, x: number, y: number): Pixel => ({ x: rect.x + (x / FRAME_UNITS) * rect.width, y: rect.y + (y / FRAME_UNITS) * rect.height });

const MIN_LINE_PIXELS = 1.5;

export { paintOrder };

/** The item in screen pixels, its width `width`: what ink paints. A stroke's encoded points are left as they were, since ink reads the decoded ones. */
function inPixels(rect: Rect, read: ReadItem, width: number): ReadItem {
  const { item } = read;
  const style = { ...item.style, width };
  if (read.points) {
    const points = read.points.map(([x, y, pressure]) => {
      const pixel = toPixel(rect, x, y);
      return [pixel.x, pixel.y, pressure] as const;
    });
    return { item: { ...read.item, style }, points, hasPressure: read.hasPressure };
  }
  if (item.type === 'shape') {
    const start = toPixel(rect, item.x1, item.y1);
    const end = toPixel(rect, item.x2, item.y2);
    return { item: { ...item, style, x1: start.x, y1: start.y, x2: end.x, y2: end.y }, points: null, hasPressure: false };
  }
  if (item.type === 'text') {
    const at = toPixel(rect, item.x, item.y);
    return { item: { ...item, style, x: at.x, y: at.y }, points: null, hasPressure: false };
  }
  return read;
}

export function drawAnnotation(context: CanvasRenderingContext2D, rect: Rect, read: ReadItem): void {
  // On a thumbnail the true width can fall below a pixel: keep marks visible.
  const placed = inPixels(rect, read, Math.max(MIN_LINE_PIXELS, sizeToPixels(rect, read.item.style.width)));
  context.save();
  paintItem(context, placed, itemPath(placed));
  context.restore();
}

/** Laser trails: a glowing line whose old end is fainter, as its points are about to expire. */
export function drawLaser(context: CanvasRenderingContext2D, rect: Rect, annotator: Annotator): void {
  const points = annotator.laser.map(([x, y]) => ({ x: rect.x + x * rect.width, y: rect.y + y * rect.height }));
  if (points.length === 0) return;
  context.save();
  context.strokeStyle = LASER_COLOR;
  context.fillStyle = LASER_COLOR;
  context.lineCap = 'round';
  context.shadowColor = LASER_COLOR;
  context.shadowBlur = 8;
  context.lineWidth = Math.max(3, rect.height / 150);
  for (let index = 1; index < points.length; index += 1) {
    const from = points[index - 1] as Pixel;
    const to = points[index] as Pixel;
    context.globalAlpha = 0.25 + (0.75 * index) / points.length;
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
  }
  const head = points[points.length - 1] as Pixel;
  context.globalAlpha = 1;
  context.beginPath();
  context.arc(head.x, head.y, context.lineWidth, 0, Math.PI * 2);
  context.fill();
  context.restore();
}

export const LASER_COLOR = '#ff2020';

/** The overlay takes at most this many points per stroke (its schema's bound). */
const OVERLAY_MAX_POINTS = 2_000;
const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));
const fraction = (value: number): number => clamp01(value / FRAME_UNITS);

function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = points.length / max;
  return Array.from({ length: max }, (_, index) => points[Math.min(points.length - 1, Math.round(index * step))] as T);
}

/**
 * What the presenter's overlay window draws: the same marks as polylines in
 * content fractions, which on the presenter's screen are display fractions
 * (the shared screen is the display). Widths are display pixels, from the
 * shared frame's height.
 */
export function toOverlayContent(items: Iterable<ReadItem>, annotators: readonly Annotator[], frameSize: { width: number; height: number }): OverlayContent {
  const frame: Rect = { x: 0, y: 0, ...frameSize };
  const pixels = (size: number): number => Math.min(64, Math.max(0.5, sizeToPixels(frame, size)));
  const content: Required<OverlayContent> = { strokes: [], texts: [] };
  for (const { item, points } of paintOrder(items)) {
    const style = { color: item.style.color, width: pixels(item.style.width) };
    if (item.type === 'stroke' && points) {
      content.strokes.push({ ...style, opacity: strokeOpacity(item.tool, item.style), points: thin(points, OVERLAY_MAX_POINTS).map(([x, y]): [number, number] => [fraction(x), fraction(y)]) });
    } else if (item.type === 'shape') {
      const [x1, y1, x2, y2] = [fraction(item.x1), fraction(item.y1), fraction(item.x2), fraction(item.y2)];
      if (item.kind === 'rectangle') {
        content.strokes.push({ ...style, points: [[x1, y1], [x2, y1], [x2, y2], [x1, y2], [x1, y1]] });
      } else if (item.kind === 'arrow') {
        // The head is computed in display pixels, so that it keeps its angles, then brought back to fractions.
        const { width, height } = frame;
        const [left, right] = arrowHead({ x1: x1 * width, y1: y1 * height, x2: x2 * width, y2: y2 * height }, style.width);
        const back = ([x, y]: [number, number]): [number, number] => [clamp01(x / width), clamp01(y / height)];
        content.strokes.push({ ...style, points: [[x1, y1], [x2, y2]] });
        content.strokes.push({ ...style, points: [back(left), [x2, y2], back(right)] });
      } else {
        content.strokes.push({ ...style, points: [[x1, y1], [x2, y2]] });
      }
    } else if (item.type === 'text') {
      content.texts.push({ color: item.style.color, size: Math.min(256, Math.max(4, sizeToPixels(frame, item.style.width))), at: [fraction(item.x), fraction(item.y)], text: item.text });
    }
  }
  for (const annotator of annotators) {
    if (annotator.laser.length === 0) continue;
    content.strokes.push({ color: LASER_COLOR, width: 4, points: annotator.laser.map(([x, y]): [number, number] => [clamp01(x), clamp01(y)]) });
  }
  return content;
}
