import { getStroke, type StrokeOptions } from 'perfect-freehand';
import { cornerBounds } from '../../../shared/board/geometry.js';
import type { StrokePoint } from '../../../shared/board/points.js';
import type { ReadItem, ShapeItem, Style, TextItem } from '../../../shared/board/schema.js';

/** Highlighter ink is translucent whatever the chosen opacity: what is beneath must show through. */
export const HIGHLIGHTER_OPACITY = 0.35;

export function strokeOptions(tool: 'pen' | 'highlighter', width: number, hasPressure: boolean, complete: boolean): StrokeOptions {
  if (tool === 'highlighter') return { size: width, thinning: 0, smoothing: 0.5, streamline: 0.5, simulatePressure: false, last: complete };
  return { size: width, thinning: 0.6, smoothing: 0.5, streamline: 0.5, simulatePressure: !hasPressure, last: complete };
}

/** perfect-freehand's outline polygon as an SVG path with quadratic smoothing between midpoints. */
export function outlinePath(outline: number[][]): string {
  if (outline.length < 2) return '';
  const first = outline[0] as number[];
  let path = `M${first[0]!.toFixed(2)} ${first[1]!.toFixed(2)}Q`;
  for (let index = 0; index < outline.length; index += 1) {
    const [x0, y0] = outline[index] as number[];
    const [x1, y1] = outline[(index + 1) % outline.length] as number[];
    path += `${x0!.toFixed(2)} ${y0!.toFixed(2)} ${((x0! + x1!) / 2).toFixed(2)} ${((y0! + y1!) / 2).toFixed(2)} `;
  }
  return `${path}Z`;
}

export function strokePathData(points: readonly StrokePoint[], tool: 'pen' | 'highlighter', width: number, hasPressure: boolean, complete = true): string {
  return outlinePath(getStroke(points as unknown as number[][], strokeOptions(tool, width, hasPressure, complete)));
}

export function strokeOpacity(tool: 'pen' | 'highlighter', style: Style): number {
  return tool === 'highlighter' ? Math.min(style.opacity, HIGHLIGHTER_OPACITY) : style.opacity;
}

/** Arrow head: two barbs at the end, sized with the line width. */
export function arrowHead(shape: Pick<ShapeItem, 'x1' | 'y1' | 'x2' | 'y2'>, width: number): [[number, number], [number, number]] {
  const angle = Math.atan2(shape.y2 - shape.y1, shape.x2 - shape.x1);
  const length = 10 + width * 3;
  const spread = Math.PI / 7;
  return [
    [shape.x2 - length * Math.cos(angle - spread), shape.y2 - length * Math.sin(angle - spread)],
    [shape.x2 - length * Math.cos(angle + spread), shape.y2 - length * Math.sin(angle + spread)],
  ];
}

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

export const TEXT_FONT = 'system-ui, sans-serif';
export const TEXT_LINE_HEIGHT = 1.25;

function drawText(context: CanvasRenderingContext2D, text: TextItem): void {
  context.font = `${text.style.width}px ${TEXT_FONT}`;
  context.textBaseline = 'top';
  context.fillStyle = text.style.color;
  text.text.split('\n').forEach((line, index) => context.fillText(line, text.x, text.y + index * text.style.width * TEXT_LINE_HEIGHT));
}

/** Caches what is costly to build per item: the outline of a stroke, the path of a shape. */
export class PathCache {
  private readonly paths = new Map<string, Path2D>();

  get(read: ReadItem): Path2D | null {
    const { item } = read;
    let path = this.paths.get(item.id);
    if (path) return path;
    if (read.points && item.type === 'stroke') path = new Path2D(strokePathData(read.points, item.tool, item.style.width, read.hasPressure));
    else if (item.type === 'shape') path = shapePath(item);
    else return null;
    this.paths.set(item.id, path);
    return path;
  }

  forget(id: string): void {
    this.paths.delete(id);
  }

  clear(): void {
    this.paths.clear();
  }
}

/** Paints one item in board coordinates (the context's transform maps board to pixels). */
export function drawItem(context: CanvasRenderingContext2D, read: ReadItem, paths: PathCache): void {
  const { item } = read;
  context.globalAlpha = item.type === 'stroke' ? strokeOpacity(item.tool, item.style) : item.style.opacity;
  if (item.type === 'text') drawText(context, item);
  else {
    const path = paths.get(read);
    if (!path) return;
    if (item.type === 'stroke') {
      context.fillStyle = item.style.color;
      context.fill(path);
    } else {
      context.strokeStyle = item.style.color;
      context.lineWidth = item.style.width;
      context.lineCap = 'round';
      context.lineJoin = 'round';
      context.stroke(path);
    }
  }
  context.globalAlpha = 1;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** One item as an SVG element, for export. */
export function itemToSvg(read: ReadItem): string {
  const { item } = read;
  if (read.points && item.type === 'stroke') {
    const opacity = strokeOpacity(item.tool, item.style);
    return `<path d="${strokePathData(read.points, item.tool, item.style.width, read.hasPressure)}" fill="${item.style.color}" fill-opacity="${opacity}"/>`;
  }
  if (item.type === 'shape') {
    const common = `fill="none" stroke="${item.style.color}" stroke-width="${item.style.width}" stroke-opacity="${item.style.opacity}" stroke-linecap="round" stroke-linejoin="round"`;
    const { minX, minY, maxX, maxY } = cornerBounds(item);
    const width = maxX - minX;
    const height = maxY - minY;
    switch (item.kind) {
      case 'rectangle':
        return `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" ${common}/>`;
      case 'ellipse':
        return `<ellipse cx="${minX + width / 2}" cy="${minY + height / 2}" rx="${width / 2}" ry="${height / 2}" ${common}/>`;
      case 'line':
        return `<line x1="${item.x1}" y1="${item.y1}" x2="${item.x2}" y2="${item.y2}" ${common}/>`;
      case 'arrow': {
        const [left, right] = arrowHead(item, item.style.width);
        return `<path d="M${item.x1} ${item.y1}L${item.x2} ${item.y2}M${left[0]} ${left[1]}L${item.x2} ${item.y2}L${right[0]} ${right[1]}" ${common}/>`;
      }
    }
  }
  if (item.type === 'text') {
    const lines = item.text
      .split('\n')
      .map((line, index) => `<tspan x="${item.x}" dy="${index === 0 ? 0 : item.style.width * TEXT_LINE_HEIGHT}">${escapeXml(line)}</tspan>`)
      .join('');
    return `<text x="${item.x}" y="${item.y}" font-family="${TEXT_FONT}" font-size="${item.style.width}" dominant-baseline="text-before-edge" fill="${item.style.color}" fill-opacity="${item.style.opacity}">${lines}</text>`;
  }
  return '';
}
