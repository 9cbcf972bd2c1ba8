import { describe, expect, test } from 'vitest';
import { createReassembler, encodeFrames, FRAMED_MARKER, MAX_FRAME_BYTES, PART, REASSEMBLY_ERROR } from './chunking.js';

/** Chromium's data-channel limit: no frame may exceed it. */
const CHANNEL_LIMIT = 256 * 1024;

/** Bytes that start like a y-webrtc sync message (type 0), so the raw path is the one taken when they fit. */
function message(length: number, first = 0): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) bytes[index] = (index * 31 + (index >> 8)) & 0xff;
  if (length > 0) bytes[0] = first;
  return bytes;
}

function reassembleAll(frames: readonly Uint8Array[], maxMessageBytes = 64 * 1024 * 1024) {
  const reassembler = createReassembler(maxMessageBytes);
  return frames.map((frame) => reassembler.push(frame));
}

describe('data-channel chunking', () => {
  test.each([1, 100, MAX_FRAME_BYTES - 1, MAX_FRAME_BYTES])('a %i-byte message fits, and is sent raw: exactly what stock y-webrtc sends', (size) => {
    const original = message(size);
    const frames = encodeFrames(original);
    expect(frames).toHaveLength(1);
    expect(Buffer.compare(frames[0] as Uint8Array, original)).toBe(0);
    const [result] = reassembleAll(frames);
    expect(result?.kind === 'message' && Buffer.compare(result.message, original)).toBe(0);
  });

  const framedSizes = [MAX_FRAME_BYTES + 1, 2 * MAX_FRAME_BYTES - 5, 2 * MAX_FRAME_BYTES, CHANNEL_LIMIT - 1, CHANNEL_LIMIT, CHANNEL_LIMIT + 1, 4 * 1024 * 1024 + 7];
  test.each(framedSizes)('a %i-byte message does not fit: it crosses in marked parts under the limit and arrives intact', (size) => {
    const original = message(size);
    const frames = encodeFrames(original);
    expect(frames.length).toBeGreaterThan(1);
    for (const frame of frames) {
      expect(frame.length).toBeLessThanOrEqual(MAX_FRAME_BYTES);
      expect(frame[0]).toBe(FRAMED_MARKER);
    }
    expect(frames[0]?.length).toBe(MAX_FRAME_BYTES);
    const results = reassembleAll(frames);
    expect(results.slice(0, -1).every((result) => result.kind === 'partial')).toBe(true);
    const last = results.at(-1);
    expect(last?.kind).toBe('message');
    // Buffer comparison: toEqual walks megabytes element by element.
    if (last?.kind === 'message') expect(Buffer.compare(last.message, original)).toBe(0);
  });

  test('a short message that starts with the marker is framed, so it is never mistaken for a part', () => {
    for (const size of [1, 10, MAX_FRAME_BYTES]) {
      const original = message(size, FRAMED_MARKER);
      const frames = encodeFrames(original);
      expect(frames[0]?.[1]).toBe(PART.first);
      const last = reassembleAll(frames).at(-1);
      expect(last?.kind === 'message' && Buffer.compare(last.message, original)).toBe(0);
    }
  });

  test('a raw message larger than a frame is accepted within the bound: stock peers send up to the channel limit', () => {
    const original = message(CHANNEL_LIMIT - 1);
    expect(createReassembler(CHANNEL_LIMIT).push(original)).toEqual({ kind: 'message', message: original });
    expect(createReassembler(CHANNEL_LIMIT - 2).push(original)).toEqual({ kind: 'error', reason: REASSEMBLY_ERROR.tooLarge });
  });

  test('raw and framed messages follow each other on one reassembler', () => {
    const reassembler = createReassembler(10_000_000);
    for (const size of [10, 300_000, 5, MAX_FRAME_BYTES * 3, MAX_FRAME_BYTES]) {
      const results = encodeFrames(message(size)).map((frame) => reassembler.push(frame));
      const last = results.at(-1);
      expect(last?.kind === 'message' && last.message.length).toBe(size);
    }
  });

  test('a message above the bound is refused at its first part', () => {
    const reassembler = createReassembler(1_000_000);
    const frames = encodeFrames(message(1_000_001));
    expect(reassembler.push(frames[0] as Uint8Array)).toEqual({ kind: 'error', reason: REASSEMBLY_ERROR.tooLarge });
    expect(createReassembler(10).push(encodeFrames(message(11))[0] as Uint8Array)).toEqual({ kind: 'error', reason: REASSEMBLY_ERROR.tooLarge });
  });

  test('malformed framing is reported, never thrown', () => {
    const error = (reassembler: ReturnType<typeof createReassembler>, frame: Uint8Array) => expect(reassembler.push(frame).kind).toBe('error');
    const reassembler = createReassembler(1_000_000);
    error(reassembler, new Uint8Array([FRAMED_MARKER, PART.next, 1, 2]));
    error(reassembler, new Uint8Array([FRAMED_MARKER, 9, 1]));
    error(reassembler, new Uint8Array([FRAMED_MARKER]));
    error(reassembler, new Uint8Array([]));
    error(reassembler, new Uint8Array([FRAMED_MARKER, PART.first, 0, 0]));
    // A first part that announces less than it carries, or stops short of a frame while more is announced.
    error(reassembler, new Uint8Array([FRAMED_MARKER, PART.first, 0, 0, 0, 1, 7, 7]));
    error(reassembler, new Uint8Array([FRAMED_MARKER, PART.first, 0, 0, 0, 9, 7, 7]));
    const oversized = new Uint8Array(MAX_FRAME_BYTES + 1);
    oversized.set([FRAMED_MARKER, PART.next]);
    error(reassembler, oversized);

    const frames = encodeFrames(message(MAX_FRAME_BYTES * 2));
    const interrupted = createReassembler(1_000_000);
    interrupted.push(frames[0] as Uint8Array);
    // A raw message in the middle of a framed one: parts never interleave on an ordered channel.
    error(interrupted, message(10));
    const overlong = createReassembler(1_000_000);
    overlong.push(frames[0] as Uint8Array);
    const fullPart = new Uint8Array(MAX_FRAME_BYTES);
    fullPart.set([FRAMED_MARKER, PART.next]);
    expect(overlong.push(fullPart).kind).toBe('partial');
    error(overlong, fullPart);
  });
});
