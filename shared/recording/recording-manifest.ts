import { z } from 'zod';
import { RoomNameSchema } from '../call/join-request.js';

/** Recording ids are the UTC time the recording began, `YYYYMMDDTHHMMSSmmmZ`: sortable, and safe in a path. */
export const RecordingIdSchema = z.string().regex(/^\d{8}T\d{9}Z$/, 'not a recording id');
/** Files the stack writes for a recording: plain names inside the recording's folder, never a path. */
const FileNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/);
const Milliseconds = z.number().int().min(0).max(7 * 24 * 3600 * 1000);

export const RecordedParticipantSchema = z.strictObject({
  feedId: z.string().min(1).max(128),
  /** The name the participant joined with, when the stack saw it during the recording. */
  display: z.string().max(64).nullable(),
  /** This participant's audio and video in one file. */
  file: FileNameSchema,
  /** When this participant's first frame arrived, from the start of the recording. */
  offsetMs: Milliseconds,
  durationMs: Milliseconds,
  hasAudio: z.boolean(),
  hasVideo: z.boolean(),
});
export type RecordedParticipant = z.infer<typeof RecordedParticipantSchema>;

/** `recording.json`, written once a recording has been processed. */
export const RecordingManifestSchema = z.strictObject({
  format: z.literal('confer-recording'),
  version: z.literal(1),
  room: RoomNameSchema,
  id: RecordingIdSchema,
  /** Wall-clock time of the earliest frame of the recording (ISO 8601). */
  startedAt: z.iso.datetime(),
  durationMs: Milliseconds,
  participants: z.array(RecordedParticipantSchema).max(64),
  /** Everyone side by side, each from their own start time; null when nobody sent video. */
  grid: z.strictObject({ file: FileNameSchema, width: z.number().int().positive(), height: z.number().int().positive() }).nullable(),
  /** The room's data-channel messages with their times (see RecordedDataSchema); null when none were sent. */
  data: FileNameSchema.nullable(),
  /** How long post-processing took. */
  processingMs: Milliseconds,
});
export type RecordingManifest = z.infer<typeof RecordingManifestSchema>;

/** A data-channel message as recorded: when it reached Janus, who sent it, its bytes (base64). */
export const RecordedMessageSchema = z.strictObject({
  atMs: Milliseconds,
  feedId: z.string().min(1).max(128),
  base64: z.base64().max(128 * 1024),
});
export type RecordedMessage = z.infer<typeof RecordedMessageSchema>;

/** The data file: every publisher's data-channel messages, in time order. */
export const RecordedDataSchema = z.strictObject({
  format: z.literal('confer-recorded-data'),
  version: z.literal(1),
  messages: z.array(RecordedMessageSchema).max(1_000_000),
});
export type RecordedData = z.infer<typeof RecordedDataSchema>;

/** `GET /recordings/<room>`: the room's recordings, newest first, and those still being processed. */
export const RecordingListSchema = z.strictObject({
  room: RoomNameSchema,
  recordings: z.array(RecordingManifestSchema).max(1000),
  processing: z.array(RecordingIdSchema).max(1000),
  /** Recordings whose processing failed, with the reason. */
  failed: z.array(z.strictObject({ id: RecordingIdSchema, reason: z.string().max(2000) })).max(1000),
});
export type RecordingList = z.infer<typeof RecordingListSchema>;
