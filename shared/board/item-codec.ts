import { decodeUtf8, encodeUtf8 } from 'lib0/string';
import { ITEM_LIMITS, withinLimit } from './item-limits.js';
import type { BoardItem, ShapeKind, Style } from './schema.js';

/**
 * The compact form of a board item (schema version 2): one byte string per
 * item instead of a plain object. Yjs stores it as binary content, which it
 * reads and writes as one slice, where a plain object's every key and
 * string is decoded and encoded on its own: on a board of 50,000 strokes
 * that was most of the time a newcomer, a restore or an import spent in
 * Yjs. The id is the map key and is not repeated.
 *
 *   byte 0       format, ITEM_FORMAT (2)
 *   byte 1       kind: 1 pen stroke, 2 highlighter stroke, 3 line, 4 arrow, 5 rectangle, 6 ellipse, 7 text
 *   bytes 2-9    z, float64
 *   bytes 10-12  colour, r g b
 *   bytes 13-20  width, float64
 *   bytes 21-28  opacity, float64
 *   then         a stroke: its points (points.ts), to the end
 *                a shape: x1 y1 x2 y2, float64 each
 *                a text: x y, float64 each, then the text in UTF-8 to the end
 *
 * Numbers are little-endian. Readers hold it to the same limits as the
 * plain form (item-limits.ts) and refuse anything else.
 */
export const ITEM_FORMAT = 2;

const KIND = { pen: 1, highlighter: 2, line: 3, arrow: 4, rectangle: 5, ellipse: 6, text: 7 } as const;
const SHAPE_OF_KIND: Readonly<Record<number, ShapeKind>> = { 3: 'line', 4: 'arrow', 5: 'rectangle', 6: 'ellipse' };
const HEADER_BYTES = 29;

function kindOf(item: BoardItem): number {
  if (item.type === 'stroke') return KIND[item.tool];
  if (item.type === 'shape') return KIND[item.kind];
  return KIND.text;
}

export function encodeItem(item: BoardItem): Uint8Array {
  const tail = item.type === 'stroke' ? item.points.length : item.type === 'shape' ? 32 : 16;
  const text = item.type === 'text' ? encodeUtf8(item.text) : null;
  const bytes = new Uint8Array(HEADER_BYTES + tail + (text?.length ?? 0));
  const view = new DataView(bytes.buffer);
  bytes[0] = ITEM_FORMAT;
  bytes[1] = kindOf(item);
  view.setFloat64(2, item.z, true);
  const rgb = Number.parseInt(item.style.color.slice(1), 16);
  bytes[10] = (rgb >> 16) & 0xff;
  bytes[11] = (rgb >> 8) & 0xff;
  bytes[12] = rgb & 0xff;
  view.setFloat64(13, item.style.width, true);
  view.setFloat64(21, item.style.opacity, true);
  if (item.type === 'stroke') bytes.set(item.points, HEADER_BYTES);
  else if (item.type === 'shape') [item.x1, item.y1, item.x2, item.y2].forEach((value, index) => view.setFloat64(HEADER_BYTES + index * 8, value, true));
  else {
    view.setFloat64(HEADER_BYTES, item.x, true);
    view.setFloat64(HEADER_BYTES + 8, item.y, true);
    bytes.set(text as Uint8Array, HEADER_BYTES + 16);
  }
  return bytes;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

function coordinatesAt(view: DataView, offset: number, count: number): number[] | null {
  const values: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const value = view.getFloat64(offset + index * 8, true);
    if (!withinLimit(value, ITEM_LIMITS.coordinate)) return null;
    values.push(value);
  }
  return values;
}

/** The paint order of a compact item without decoding the rest; null when it is not one. */
export function compactItemZ(bytes: Uint8Array): number | null {
  if (bytes.length < HEADER_BYTES || bytes[0] !== ITEM_FORMAT) return null;
  const z = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getFloat64(2, true);
  return Number.isFinite(z) ? z : null;
}

/** Reads a compact item stored under `id`; null for anything that is not a valid one. Stroke points are checked by whoever decodes them. */
export function decodeItem(id: string, bytes: Uint8Array): BoardItem | null {
  if (!ITEM_LIMITS.idPattern.test(id)) return null;
  const z = compactItemZ(bytes);
  if (z === null) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getFloat64(13, true);
  const opacity = view.getFloat64(21, true);
  if (!withinLimit(width, ITEM_LIMITS.width) || !withinLimit(opacity, ITEM_LIMITS.opacity)) return null;
  const style: Style = { color: `#${hex(bytes[10] as number)}${hex(bytes[11] as number)}${hex(bytes[12] as number)}`, width, opacity };
  const kind = bytes[1] as number;
  const tail = bytes.length - HEADER_BYTES;
  if (kind === KIND.pen || kind === KIND.highlighter) {
    if (tail > ITEM_LIMITS.pointBytes) return null;
    return { id, type: 'stroke', tool: kind === KIND.pen ? 'pen' : 'highlighter', z, style, points: bytes.subarray(HEADER_BYTES) };
  }
  const shape = SHAPE_OF_KIND[kind];
  if (shape) {
    const corners = tail === 32 ? coordinatesAt(view, HEADER_BYTES, 4) : null;
    if (!corners) return null;
    const [x1, y1, x2, y2] = corners as [number, number, number, number];
    return { id, type: 'shape', kind: shape, z, style, x1, y1, x2, y2 };
  }
  if (kind !== KIND.text || tail < 16) return null;
  const corner = coordinatesAt(view, HEADER_BYTES, 2);
  // Invalid UTF-8 reads as replacement characters: the text is only ever shown.
  const text = decodeUtf8(bytes.subarray(HEADER_BYTES + 16));
  if (!corner || !withinLimit(text.length, ITEM_LIMITS.textLength)) return null;
  const [x, y] = corner as [number, number];
  return { id, type: 'text', x, y, z, style, text };
}
