import { fromBase64, toBase64 } from 'lib0/buffer';
import { z } from 'zod';
import { decodePoints, encodePoints, type StrokePoint } from '../../../shared/board/points.js';
import { StyleSchema, type Style } from '../../../shared/board/schema.js';
import { strokeOpacity, strokePathData, type InkTool } from '../ink/stroke-outline.js';
import type { Scene } from './scene.js';

/**
 * A stroke being drawn, shown to peers while the pen moves. It travels in
 * the drawer's awareness state, never in the document: it has no undo step
 * and costs nothing once finished. The finished stroke carries the same id,
 * so a peer stops showing the live one the moment the real one arrives.
 */

/**
 * A live stroke shows at most this many points (about 16 KB in awareness,
 * which is capped at 64 KB); the finished stroke has them all.
 */
export const LIVE_STROKE_MAX_POINTS = 4000;

/** What a tool reports while it draws. */
export interface LiveStrokeDraft {
  readonly id: string;
  readonly tool: InkTool;
  readonly points: readonly StrokePoint[];
  readonly hasPressure: boolean;
}

/** On the wire: the points in the document's own encoding, as base64. */
export const LiveStrokeWireSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  tool: z.enum(['pen', 'highlighter']),
  style: StyleSchema,
  points: z.string().max(4 * Math.ceil((2 + 10 + LIVE_STROKE_MAX_POINTS * 11) / 3)),
});
export type LiveStrokeWire = z.infer<typeof LiveStrokeWireSchema>;

export interface LiveStroke {
  readonly id: string;
  readonly tool: InkTool;
  readonly style: Style;
  readonly points: readonly StrokePoint[];
  readonly hasPressure: boolean;
}

export function encodeLiveStroke(draft: LiveStrokeDraft, style: Style): LiveStrokeWire {
  return { id: draft.id, tool: draft.tool, style, points: toBase64(encodePoints(draft.points.slice(0, LIVE_STROKE_MAX_POINTS), draft.hasPressure)) };
}

/** Null for points that do not decode: the peer's cursor still shows, its live stroke does not. */
export function decodeLiveStroke(wire: LiveStrokeWire): LiveStroke | null {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(wire.points);
  } catch {
    return null;
  }
  const decoded = decodePoints(bytes);
  if (!decoded) return null;
  return { id: wire.id, tool: wire.tool, style: wire.style, points: decoded.points, hasPressure: decoded.hasPressure };
}

/** Paints the peers' strokes in progress, in board coordinates, except those already in the document. */
export function paintLiveStrokes(context: CanvasRenderingContext2D, strokes: readonly LiveStroke[], scene: Scene): void {
  for (const stroke of strokes) {
    if (scene.items.has(stroke.id)) continue;
    context.globalAlpha = strokeOpacity(stroke.tool, stroke.style);
    context.fillStyle = stroke.style.color;
    context.fill(new Path2D(strokePathData(stroke.points, stroke.tool, stroke.style.width, stroke.hasPressure, false)));
  }
  context.globalAlpha = 1;
}
