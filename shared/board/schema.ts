import { z } from 'zod';
import { decodePoints, MAX_COORDINATE, MAX_STROKE_POINTS, type StrokePoint } from './points.js';

/** Bumped when the layout of `meta` or `items` changes; readers migrate older versions. */
export const SCHEMA_VERSION = 1;

export const TOOLS = ['select', 'pen', 'highlighter', 'line', 'arrow', 'rectangle', 'ellipse', 'text', 'eraser'] as const;
export type Tool = (typeof TOOLS)[number];
export const SHAPE_KINDS = ['line', 'arrow', 'rectangle', 'ellipse'] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

const coordinate = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);
/** An item id: short, printable, used as a map key. */
const ItemIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const StyleSchema = z.strictObject({
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Stroke width or text size in board units. */
  width: z.number().finite().min(0.5).max(200),
  opacity: z.number().finite().min(0.05).max(1),
});
export type Style = z.infer<typeof StyleSchema>;

const base = {
  id: ItemIdSchema,
  /** Paint order: higher is drawn later (on top). Fractional values allow inserting between two items. */
  z: z.number().finite(),
  style: StyleSchema,
};

/** Every point costs at least 2 bytes and at most 11: beyond that the bytes cannot be a valid encoding. */
const MAX_POINT_BYTES = 2 + 10 + MAX_STROKE_POINTS * 11;

export const StrokeSchema = z.strictObject({
  ...base,
  type: z.literal('stroke'),
  tool: z.enum(['pen', 'highlighter']),
  /** See points.ts: flag byte, varuint count, zigzag deltas in quarter units, optional pressure bytes. */
  points: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'points must be bytes')
    .refine((bytes) => bytes.length <= MAX_POINT_BYTES, 'too many point bytes'),
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
  text: z.string().min(1).max(5_000),
});

export const BoardItemSchema = z.discriminatedUnion('type', [StrokeSchema, ShapeSchema, TextSchema]);
export type BoardItem = z.infer<typeof BoardItemSchema>;
export type StrokeItem = z.infer<typeof StrokeSchema>;
export type ShapeItem = z.infer<typeof ShapeSchema>;
export type TextItem = z.infer<typeof TextSchema>;

/** An item that passed validation, with its points decoded once for whoever draws it. */
export type ReadItem =
  | { readonly item: StrokeItem; readonly points: readonly StrokePoint[]; readonly hasPressure: boolean }
  | { readonly item: ShapeItem | TextItem; readonly points: null; readonly hasPressure: false };

/**
 * Reads one value from the document. Values arrive from peers and from disk,
 * so nothing is trusted: anything that fails is reported as null and is not drawn.
 */
export function readItem(key: string, value: unknown): ReadItem | null {
  const parsed = BoardItemSchema.safeParse(value);
  if (!parsed.success || parsed.data.id !== key) return null;
  const item = parsed.data;
  if (item.type !== 'stroke') return { item, points: null, hasPressure: false };
  const decoded = decodePoints(item.points);
  if (!decoded) return null;
  return { item, points: decoded.points, hasPressure: decoded.hasPressure };
}
