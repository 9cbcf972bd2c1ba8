import { z } from 'zod';

/** Bounds that keep one overlay message well under IPC's comfort zone while a presenter annotates. */
const MAX_STROKES = 500;
const MAX_POINTS_PER_STROKE = 2000;
const MAX_TEXTS = 200;

/** A point in display coordinates normalised to 0..1, so the content survives a resolution change. */
const PointSchema = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);

/**
 * What the presenter overlay draws. The annotation feature fills it; the
 * overlay window only renders it.
 */
export const OverlayContentSchema = z.strictObject({
  strokes: z
    .array(
      z.strictObject({
        color: z.string().regex(/^#[0-9a-f]{6}$/i),
        width: z.number().min(0.5).max(64),
        /** Highlighter ink and fading laser strokes are translucent; opaque when absent. */
        opacity: z.number().min(0).max(1).optional(),
        points: z.array(PointSchema).max(MAX_POINTS_PER_STROKE),
      }),
    )
    .max(MAX_STROKES),
  /** Text marks: top-left corner normalised like the points, size in display pixels. */
  texts: z
    .array(
      z.strictObject({
        color: z.string().regex(/^#[0-9a-f]{6}$/i),
        size: z.number().min(4).max(256),
        at: PointSchema,
        text: z.string().min(1).max(5_000),
      }),
    )
    .max(MAX_TEXTS)
    .optional(),
});
export type OverlayContent = z.infer<typeof OverlayContentSchema>;
export const EMPTY_OVERLAY: OverlayContent = { strokes: [] };
