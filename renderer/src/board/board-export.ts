import { boardToJson, parseBoardJson, type ParsedBoardJson } from '../../../shared/board/board-json.js';
import { unionBounds, type Bounds } from '../../../shared/board/geometry.js';
import type { ReadItem } from '../../../shared/board/schema.js';
import { drawItem, PathCache } from '../ink/canvas-paint.js';
import { paintOrder } from '../ink/paint-order.js';
import { itemToSvg } from '../ink/svg.js';
import type { Scene } from './scene.js';

/** Space around the drawing in exports, in board units. */
const EXPORT_PADDING = 20;
/** Canvas limits that every browser accepts. */
const MAX_PNG_SIDE = 8_192;
const MAX_PNG_PIXELS = 48_000_000;

function exportBounds(items: readonly ReadItem[], scene: Scene): Bounds {
  let bounds: Bounds | null = null;
  for (const read of items) {
    const itemBounds = scene.boundsOf(read.item.id);
    if (itemBounds) bounds = unionBounds(bounds, itemBounds);
  }
  const found = bounds ?? { minX: 0, minY: 0, maxX: 100, maxY: 100 };
  return { minX: found.minX - EXPORT_PADDING, minY: found.minY - EXPORT_PADDING, maxX: found.maxX + EXPORT_PADDING, maxY: found.maxY + EXPORT_PADDING };
}

/** Items sorted by id, so two identical boards export identical files. */
export function exportJson(scene: Scene): string {
  return boardToJson([...scene.items.values()].map((read) => read.item).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

export function exportSvg(scene: Scene): string {
  const items = paintOrder(scene.items.values());
  const bounds = exportBounds(items, scene);
  const width = bounds.maxX - bounds.minX;
  const height = bounds.maxY - bounds.minY;
  const body = items.map(itemToSvg).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${bounds.minX} ${bounds.minY} ${width} ${height}" width="${width}" height="${height}">\n<rect x="${bounds.minX}" y="${bounds.minY}" width="${width}" height="${height}" fill="#ffffff"/>\n${body}\n</svg>\n`;
}

export async function exportPng(scene: Scene): Promise<Blob> {
  const items = paintOrder(scene.items.values());
  const bounds = exportBounds(items, scene);
  const width = bounds.maxX - bounds.minX;
  const height = bounds.maxY - bounds.minY;
  const scale = Math.min(2, MAX_PNG_SIDE / width, MAX_PNG_SIDE / height, Math.sqrt(MAX_PNG_PIXELS / (width * height)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.setTransform(scale, 0, 0, scale, -bounds.minX * scale, -bounds.minY * scale);
  const paths = new PathCache();
  for (const read of items) drawItem(context, read, paths);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))), 'image/png'));
}

export function download(name: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads an exported board; items keep their ids, so importing twice changes nothing. */
export async function readBoardFile(file: File): Promise<ParsedBoardJson> {
  return parseBoardJson(await file.text());
}
