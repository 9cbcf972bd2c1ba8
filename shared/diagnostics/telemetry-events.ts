import { z } from 'zod';

const At = z.number().nonnegative();
const Feed = z.string().max(256);
const Layer = z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable();

/**
 * What the call records about itself: the same events drive the diagnostics
 * panel, the exported bundle and the OpenTelemetry metrics.
 */
export const TelemetryEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('join-attempt'), at: At, room: z.string() }),
  z.strictObject({ type: z.literal('join-result'), at: At, ok: z.boolean(), durationMs: z.number(), error: z.string().optional() }),
  /** The media path changed state, with the local candidate type of the selected pair when known. */
  z.strictObject({
    type: z.literal('ice'),
    at: At,
    state: z.enum(['connected', 'reconnecting', 'failed']),
    candidateType: z.enum(['host', 'srflx', 'prflx', 'relay']).optional(),
  }),
  z.strictObject({
    type: z.literal('reconnect'),
    at: At,
    outcome: z.enum(['started', 'recovered', 'failed']),
    cause: z.string().optional(),
    durationMs: z.number().optional(),
  }),
  z.strictObject({ type: z.literal('layer-switch'), at: At, feed: Feed, from: Layer, to: Layer }),
  z.strictObject({
    type: z.literal('quality-sample'),
    at: At,
    feed: Feed,
    quality: z.enum(['good', 'fair', 'poor', 'unknown']),
    rttMs: z.number().optional(),
    jitterMs: z.number().optional(),
    lossFraction: z.number().optional(),
    bitrateBps: z.number().optional(),
    availableBitrateBps: z.number().optional(),
  }),
]);
export type TelemetryEvent = z.infer<typeof TelemetryEventSchema>;
export type TelemetryEventType = TelemetryEvent['type'];

/** A diagnostics bundle as exported for a bug report (already redacted). */
export const DiagnosticsBundleSchema = z.strictObject({
  format: z.literal('confer-diagnostics/1'),
  exportedAt: z.string(),
  app: z.strictObject({ host: z.enum(['electron', 'web']), userAgent: z.string() }),
  room: z.string().nullable(),
  configuration: z.unknown(),
  events: z.array(TelemetryEventSchema),
});
export type DiagnosticsBundle = z.infer<typeof DiagnosticsBundleSchema>;
