import { z } from 'zod';

/**
 * Janus's recordings (.mjr, version 2): "MJR00002", a big-endian uint16
 * length and a JSON header, then frames of "MEET", a uint32 time (ms since
 * the recorder was created), a uint16 length and that many bytes. Data
 * frames begin with the int64 wall-clock time (µs) they arrived at.
 */
const MAGIC = 'MJR00002';
const FRAME_MAGIC = 'MEET';
const DATA_TIME_BYTES = 8;

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

export interface DataFrame {
  /** Wall-clock arrival at Janus, µs since 1970. */
  readonly atUs: number;
  readonly payload: Uint8Array;
}

/** The data-channel messages of a data recording, in the order Janus wrote them; a truncated last frame is dropped. */
export function readMjrDataFrames(bytes: Uint8Array): DataFrame[] {
  if (!readMjrHeader(bytes)) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames: DataFrame[] = [];
  let offset = MAGIC.length + 2 + view.getUint16(MAGIC.length);
  while (offset + 10 <= bytes.length) {
    if (Buffer.from(bytes.subarray(offset, offset + 4)).toString('latin1') !== FRAME_MAGIC) break;
    const length = view.getUint16(offset + 8);
    const body = offset + 10;
    if (length < DATA_TIME_BYTES || body + length > bytes.length) break;
    frames.push({ atUs: Number(view.getBigInt64(body)), payload: bytes.slice(body + DATA_TIME_BYTES, body + length) });
    offset = body + length;
  }
  return frames;
}
