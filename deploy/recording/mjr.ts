import { z } from 'zod';
import { startsKeyFrame } from './rtp-key-frames.js';

/**
 * Janus's recordings (.mjr, version 2): "MJR00002", a big-endian uint16
 * length and a JSON header, then frames of "MEET", a uint32 time (ms since
 * the first frame, the header's `u`), a uint16 length and that many bytes.
 * Data frames begin with the int64 wall-clock time (µs) they arrived at;
 * media frames are RTP packets.
 */
const MAGIC = 'MJR00002';
const FRAME_MAGIC = 'MEET';
const FRAME_HEADER_BYTES = 10;
const DATA_TIME_BYTES = 8;
const RTP_HEADER_BYTES = 12;
/** janus-pp-rec skips larger frames as not RTP; counting as it does keeps `--ignore-first` in step. */
const MAX_RTP_BYTES = 1500;

/** The header Janus writes with the first frame: kind, codec, creation and first-frame times (µs since 1970). */
export const MjrHeaderSchema = z.looseObject({
  t: z.enum(['a', 'v', 'd']),
  c: z.string().min(1).max(32),
  s: z.number().int().positive(),
  u: z.number().int().positive(),
});
export type MjrHeader = z.infer<typeof MjrHeaderSchema>;

/** A recorded stream, named by VideoRoom's `videoroom-<room>-user-<feed>-<µs>-<kind>-<mindex>.mjr`. */
export interface MjrFileName {
  readonly room: string;
  readonly feedId: string;
  readonly kind: 'audio' | 'video' | 'data';
  readonly createdUs: number;
}

const FILE_NAME = /^videoroom-([A-Za-z0-9][A-Za-z0-9._-]{0,63}?)-user-([A-Za-z0-9._-]{1,128})-(\d{13,17})-(audio|video|data)-\d{1,3}\.mjr$/;

export function parseMjrFileName(name: string): MjrFileName | null {
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  const [, room, feedId, created, kind] = match as unknown as [string, string, string, string, MjrFileName['kind']];
  return { room, feedId, kind, createdUs: Number(created) };
}

/** The header, or null for a file Janus created but never wrote a frame to (a publisher that sent nothing). */
export function readMjrHeader(bytes: Uint8Array): MjrHeader | null {
  if (bytes.length < MAGIC.length + 2 || Buffer.from(bytes.subarray(0, MAGIC.length)).toString('latin1') !== MAGIC) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint16(MAGIC.length);
  const start = MAGIC.length + 2;
  if (start + length > bytes.length) return null;
  try {
    const parsed = MjrHeaderSchema.safeParse(JSON.parse(Buffer.from(bytes.subarray(start, start + length)).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Each complete frame after the header: its time (ms since the first frame) and its body; a truncated last frame ends it. */
function* mjrFrames(bytes: Uint8Array): Generator<{ readonly atMs: number; readonly body: Uint8Array }> {
  if (!readMjrHeader(bytes)) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = MAGIC.length + 2 + view.getUint16(MAGIC.length);
  while (offset + FRAME_HEADER_BYTES <= bytes.length) {
    if (Buffer.from(bytes.subarray(offset, offset + 4)).toString('latin1') !== FRAME_MAGIC) return;
    const length = view.getUint16(offset + 8);
    const body = offset + FRAME_HEADER_BYTES;
    if (body + length > bytes.length) return;
    yield { atMs: view.getUint32(offset + 4), body: bytes.subarray(body, body + length) };
    offset = body + length;
  }
}

export interface DataFrame {
  /** Wall-clock arrival at Janus, µs since 1970. */
  readonly atUs: number;
  readonly payload: Uint8Array;
}

/** The data-channel messages of a data recording, in the order Janus wrote them; a truncated last frame is dropped. */
export function readMjrDataFrames(bytes: Uint8Array): DataFrame[] {
  const frames: DataFrame[] = [];
  for (const { body } of mjrFrames(bytes)) {
    if (body.length < DATA_TIME_BYTES) break;
    const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
    frames.push({ atUs: Number(view.getBigInt64(0)), payload: body.slice(DATA_TIME_BYTES) });
  }
  return frames;
}

export interface RtpTiming {
  /** When Janus wrote the packet, ms after the stream's first frame. */
  readonly atMs: number;
  /** The packet's RTP timestamp, in the codec's clock. */
  readonly rtpTimestamp: number;
  /** It begins a key frame (`startsKeyFrame`): a file may start here. */
  readonly startsKeyFrame: boolean;
}

/** The first `limit` RTP packets of a media recording, counted as janus-pp-rec counts them (12 to 1500 bytes). */
export function readMjrRtpTimings(bytes: Uint8Array, limit: number): RtpTiming[] {
  const codec = readMjrHeader(bytes)?.c ?? '';
  const timings: RtpTiming[] = [];
  for (const { atMs, body } of mjrFrames(bytes)) {
    if (timings.length >= limit) break;
    if (body.length < RTP_HEADER_BYTES || body.length > MAX_RTP_BYTES) continue;
    const rtpTimestamp = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(4);
    timings.push({ atMs, rtpTimestamp, startsKeyFrame: startsKeyFrame(body, codec) });
  }
  return timings;
}

/** The RTP clock of a recorded stream: 90 kHz for video, 48 kHz for Opus, 8 kHz for G.711 and G.722. */
export function rtpClockRate(header: MjrHeader): number {
  if (header.t === 'v') return 90_000;
  return header.c === 'opus' || header.c === 'multiopus' ? 48_000 : 8_000;
}
