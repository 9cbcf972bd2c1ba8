import { z } from 'zod';

/** Ids the main process hands out for pending getDisplayMedia requests. */
export const CaptureRequestIdSchema = z.string().regex(/^capture-\d{1,12}$/);

/** Thumbnails and icons cross IPC as PNG data URLs; anything else would be a way to smuggle a URL into an <img>. */
const PngDataUrlSchema = z.string().startsWith('data:image/png;base64,').max(4_000_000);

export const CaptureSourceSchema = z.strictObject({
  /** Electron's `screen:…` / `window:…` source id. */
  id: z.string().regex(/^(screen|window):[\w:.-]{1,128}$/),
  kind: z.enum(['screen', 'window']),
  name: z.string().max(512),
  thumbnail: PngDataUrlSchema.nullable(),
  appIcon: PngDataUrlSchema.nullable(),
  /** The matching Display's id for screens, '' when the platform does not say. */
  displayId: z.string().max(64),
});
export type CaptureSource = z.infer<typeof CaptureSourceSchema>;

export const CaptureChoiceSchema = z.strictObject({
  sourceId: CaptureSourceSchema.shape.id,
  shareAudio: z.boolean(),
});
export type CaptureChoice = z.infer<typeof CaptureChoiceSchema>;

/** What the picker needs to know when a request opens. */
export const CaptureRequestedSchema = z.strictObject({
  requestId: CaptureRequestIdSchema,
  audioRequested: z.boolean(),
  /** System (loopback) audio can be captured on this platform. */
  loopbackAudioSupported: z.boolean(),
});
export type CaptureRequested = z.infer<typeof CaptureRequestedSchema>;

export const CaptureEndedSchema = z.strictObject({
  requestId: CaptureRequestIdSchema,
  reason: z.enum(['answered', 'timed-out', 'window-closed', 'superseded']),
});
export type CaptureEnded = z.infer<typeof CaptureEndedSchema>;
