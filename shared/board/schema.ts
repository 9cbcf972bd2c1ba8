import { z } from 'zod';
import { decodeItem } from './item-codec.js';
import { ITEM_LIMITS } from './item-limits.js';
import type { Bounds } from './geometry.js';
import { decodePoints, scanPoints, type StrokePoint } from './points.js';

/** Bumped when the layout of `meta` or `items` changes; readers migrate older versions. */
export const SCHEMA_VERSION = 2;

export const TOOLS = ['select', 'pen', 'highlighter', 'line', 'arrow', 'rectangle', 'ellipse', 'text', 'eraser'] as const;
export type Tool = (typeof TOOLS)[number];
export const SHAPE_KINDS = ['line', 'arrow', 'rectangle', 'ellipse'] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

const coordinate = z.number().finite().min(ITEM_LIMITS.coordinate.min).max(ITEM_LIMITS.coordinate.max);
const ItemIdSchema = z.string().regex(ITEM_LIMITS.idPattern);

export const StyleSchema = z.strictObject({
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Stroke width or text size in board units. */
  width: z.number().finite().min(ITEM_LIMITS.width.min).max(ITEM_LIMITS.width.max),
  opacity: z.number().finite().min(ITEM_LIMITS.opacity.min).max(ITEM_LIMITS.opacity.max),
});
export type Style = z.infer<typeof StyleSchema>;

const base = {
  id: ItemIdSchema,
  /** Paint order: higher is drawn later (on top). Fractional values allow inserting between two items. */
  z: z.number().finite(),
  style: StyleSchema,
};

export const StrokeSchema = z.strictObject({
  ...base,
  type: z.literal('stroke'),
  tool: z.enum(['pen', 'highlighter']),
  /** See points.ts: flag byte, varuint count, zigzag deltas in quarter units, optional pressure bytes. */
  points: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'points must be bytes')
    .refine((bytes) => bytes.length <= ITEM_LIMITS.pointBytes, 'too many point bytes'),
});

export const ShapeSchema = z.strictObject({
  ...base,
  type: z.literal('shape'),
  kind: z.enum(SHAPE_KINDS),
  /** Start and end for lines and arrows; two opposite corners of the bounding box for rectangles and ellipses. */
  x1: coordinate,
  y1: coordinate,
  x2: coordinate,
  y2: coordinate,
});

export const TextSchema = z.strictObject({
  ...base,
  type: z.literal('text'),
  /** Top-left corner; the font size is `style.width`. */
  x: coordinate,
  y: coordinate,
  text: z.string().min(ITEM_LIMITS.textLength.min).max(ITEM_LIMITS.textLength.max),
});

export const BoardItemSchema = z.discriminatedUnion('type', [StrokeSchema, ShapeSchema, TextSchema]);
export type BoardItem = z.infer<typeof BoardItemSchema>;
export type StrokeItem = z.infer<typeof StrokeSchema>;
export type ShapeItem = z.infer<typeof ShapeSchema>;
export type TextItem = z.infer<typeof TextSchema>;

/**
 * An item that passed validation. A stroke's points are decoded when first
 * asked for, once: opening a board measures every stroke (`pointBounds`)
 * but builds the points only of those painted or touched.
 */
export type ReadItem =
  | { readonly item: StrokeItem; readonly points: readonly StrokePoint[]; readonly hasPressure: boolean; readonly pointBounds?: Bounds }
  | { readonly item: ShapeItem | TextItem; readonly points: null; readonly hasPressure: false; readonly pointBounds?: undefined };

/** A plain-object item (schema version 1, and what any Yjs client may write) as it reads. */
function parsePlainItem(key: string, value: unknown): BoardItem | null {
  const parsed = BoardItemSchema.safeParse(value);
  return parsed.success && parsed.data.id === key ? parsed.data : null;
}

/**
 * Reads one value from the document: the compact form (item-codec.ts) or a
 * plain object. Values arrive from peers and from disk, so nothing is
 * trusted: anything that fails is reported as null and is not drawn.
 */
export function readItem(key: string, value: unknown): ReadItem | null {
  const item = value instanceof Uint8Array ? decodeItem(key, value) : parsePlainItem(key, value);
  if (!item) return null;
  if (item.type !== 'stroke') return { item, points: null, hasPressure: false };
  const scanned = scanPoints(item.points);
  if (!scanned) return null;
  const { minX, minY, maxX, maxY } = scanned;
  const bytes = item.points;
  let points: readonly StrokePoint[] | null = null;
  return {
    item,
    hasPressure: scanned.hasPressure,
    pointBounds: { minX, minY, maxX, maxY },
    get points(): readonly StrokePoint[] {
      // The scan has checked these bytes: they decode.
      points ??= (decodePoints(bytes) as { points: StrokePoint[] }).points;
      return points;
    },
  };
}
