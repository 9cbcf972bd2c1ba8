import { MAX_COORDINATE, MAX_STROKE_POINTS } from './points.js';

/**
 * The bounds every board item is held to, whatever form it arrives in (a
 * plain object checked by the zod schemas, or the compact binary form).
 */
export const ITEM_LIMITS = {
  /** An item id: short, printable, used as a map key. */
  idPattern: /^[A-Za-z0-9_-]{1,64}$/,
  /** Stroke width or text size in board units. */
  width: { min: 0.5, max: 200 },
  opacity: { min: 0.05, max: 1 },
  textLength: { min: 1, max: 5_000 },
  /** Board coordinates: beyond this a coordinate is treated as corrupt. */
  coordinate: { min: -MAX_COORDINATE, max: MAX_COORDINATE },
  /** Every point costs at least 2 bytes and at most 11: beyond that the bytes cannot be a valid encoding. */
  pointBytes: 2 + 10 + MAX_STROKE_POINTS * 11,
} as const;

export function withinLimit(value: number, limit: { readonly min: number; readonly max: number }): boolean {
  return Number.isFinite(value) && value >= limit.min && value <= limit.max;
}
