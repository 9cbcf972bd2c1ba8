import { FRAME_UNITS, sizeToPixels, type Rect } from '../../../shared/annotations/frame-mapping.js';
import type { StrokePoint } from '../../../shared/board/points.js';
import type { ReadItem } from '../../../shared/board/schema.js';
import type { OverlayContent } from '../../../shared/desktop/overlay.js';
import { arrowHead, strokeOpacity, strokePathData, TEXT_FONT, TEXT_LINE_HEIGHT } from '../board/draw.js';
import type { Annotator } from './annotation-awareness.js';

/**
 * Drawing annotations: items are stored in frame units (fractions of the
 * shared content times FRAME_UNITS) and sizes in thousandths of its height;
 * each viewer maps them onto the rectangle the content occupies on their
 * screen, then draws with the board's stroke outlines and arrow heads.
 */

type Pixel = { x: number; y: number };
const toPixel = (rect: Rect, x: number, y: number): Pixel => ({ x: rect.x + (x / FRAME_UNITS) * rect.width, y: rect.y + (y / FRAME_UNITS) * rect.height });

const MIN_LINE_PIXELS = 1.5;

/** Paint order: z, then id, the same for everyone. */
export function paintOrder(items: Iterable<ReadItem>): ReadItem[] {
  return [...items].sort((a, b) => a.item.z - b.item.z || (a.item.id < b.item.id ? -1 : 1));
}

export function drawAnnotation(context: CanvasRenderingContext2D, rect: Rect, read: ReadItem): void {
  const { item } = read;
  // On a thumbnail the true width can fall below a pixel: keep marks visible.
  const width = Math.max(MIN_LINE_PIXELS, sizeToPixels(rect, item.style.width));
  context.save();
  if (item.type === 'stroke' && read.points) {
    const points: StrokePoint[] = read.points.map(([x, y, pressure]) => {
      const pixel = toPixel(rect, x, y);
      return [pixel.x, pixel.y, pressure];
    });
    context.globalAlpha = strokeOpacity(item.tool, item.style);
    context.fillStyle = item.style.color;
    context.fill(new Path2D(strokePathData(points, item.tool, width, read.hasPressure)));
  } else if (item.type === 'shape') {
    const start = toPixel(rect, item.x1, item.y1);
    const end = toPixel(rect, item.x2, item.y2);
    context.globalAlpha = item.style.opacity;
    context.strokeStyle = item.style.color;
    context.lineWidth = width;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    if (item.kind === 'arrow') {
      const [left, right] = arrowHead({ x1: start.x, y1: start.y, x2: end.x, y2: end.y }, width);
      context.moveTo(start.x, start.y);
      context.lineTo(end.x, end.y);
      context.moveTo(...left);
      context.lineTo(end.x, end.y);
      context.lineTo(...right);
    } else if (item.kind === 'rectangle') {
      context.rect(Math.min(start.x, end.x), Math.min(start.y, end.y), Math.abs(end.x - start.x), Math.abs(end.y - start.y));
    } else {
      context.moveTo(start.x, start.y);
      context.lineTo(end.x, end.y);
    }
    context.stroke();
  } else if (item.type === 'text') {
    const at = toPixel(rect, item.x, item.y);
    context.globalAlpha = item.style.opacity;
    context.font = `${width}px ${TEXT_FONT}`;
    context.textBaseline = 'top';
    context.fillStyle = item.style.color;
    item.text.split('\n').forEach((line, index) => context.fillText(line, at.x, at.y + index * width * TEXT_LINE_HEIGHT));
  }
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
