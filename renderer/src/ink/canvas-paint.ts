import { cornerBounds } from '../../../shared/board/geometry.js';
import type { ReadItem, ShapeItem, TextItem } from '../../../shared/board/schema.js';
import { arrowHead } from './arrowhead.js';
import { strokeOpacity, strokePathData } from './stroke-outline.js';
import { TEXT_FONT, TEXT_LINE_HEIGHT } from './text-layout.js';

function shapePath(shape: ShapeItem): Path2D {
  const path = new Path2D();
  const { minX, minY, maxX, maxY } = cornerBounds(shape);
  const width = maxX - minX;
  const height = maxY - minY;
  switch (shape.kind) {
    case 'rectangle':
      path.rect(minX, minY, width, height);
      break;
    case 'ellipse':
      path.ellipse(minX + width / 2, minY + height / 2, width / 2, height / 2, 0, 0, Math.PI * 2);
      break;
    case 'arrow': {
      const [left, right] = arrowHead(shape, shape.style.width);
      path.moveTo(shape.x1, shape.y1);
      path.lineTo(shape.x2, shape.y2);
      path.moveTo(...left);
      path.lineTo(shape.x2, shape.y2);
      path.lineTo(...right);
      break;
    }
    case 'line':
      path.moveTo(shape.x1, shape.y1);
      path.lineTo(shape.x2, shape.y2);
      break;
  }
  return path;
}

function paintText(context: CanvasRenderingContext2D, text: TextItem): void {
  context.font = `${text.style.width}px ${TEXT_FONT}`;
  context.textBaseline = 'top';
  context.fillStyle = text.style.color;
  text.text.split('\n').forEach((line, index) => context.fillText(line, text.x, text.y + index * text.style.width * TEXT_LINE_HEIGHT));
}

/** What a stroke or shape paints, as a path; text has none. */
export function itemPath(read: ReadItem): Path2D | null {
  const { item } = read;
  if (read.points && item.type === 'stroke') return new Path2D(strokePathData(read.points, item.tool, item.style.width, read.hasPressure));
  if (item.type === 'shape') return shapePath(item);
  return null;
}

/** Caches what is costly to build per item: the outline of a stroke, the path of a shape. */
export class PathCache {
  private readonly paths = new Map<string, Path2D>();

  get(read: ReadItem): Path2D | null {
    const cached = this.paths.get(read.item.id);
    if (cached) return cached;
    const path = itemPath(read);
    if (path) this.paths.set(read.item.id, path);
    return path;
  }

  forget(id: string): void {
    this.paths.delete(id);
  }

  clear(): void {
    this.paths.clear();
  }
}

/** Paints one item with its path (from `itemPath`), in whatever coordinates the context's transform expects. */
export function paintItem(context: CanvasRenderingContext2D, read: ReadItem, path: Path2D | null): void {
  const { item } = read;
  context.globalAlpha = item.type === 'stroke' ? strokeOpacity(item.tool, item.style) : item.style.opacity;
  if (item.type === 'text') paintText(context, item);
  else if (path && item.type === 'stroke') {
    context.fillStyle = item.style.color;
    context.fill(path);
  } else if (path) {
    context.strokeStyle = item.style.color;
    context.lineWidth = item.style.width;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.stroke(path);
  }
  context.globalAlpha = 1;
}

/** Paints one item in board coordinates (the context's transform maps board to pixels). */
export function drawItem(context: CanvasRenderingContext2D, read: ReadItem, paths: PathCache): void {
  paintItem(context, read, paths.get(read));
}
