import { describe, expect, test } from 'vitest';
import { createReassembler, encodeFrames, FRAME, MAX_FRAME_BYTES, REASSEMBLY_ERROR } from './chunking.js';

/** Chromium's data-channel limit: no frame may exceed it. */
const CHANNEL_LIMIT = 256 * 1024;

function message(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) bytes[index] = (index * 31 + (index >> 8)) & 0xff;
  return bytes;
}

describe('data-channel chunking', () => {
  const sizes = [0, 1, MAX_FRAME_BYTES - 2, MAX_FRAME_BYTES - 1, MAX_FRAME_BYTES, MAX_FRAME_BYTES + 1, 2 * MAX_FRAME_BYTES - 5, 2 * MAX_FRAME_BYTES];
  for (const limitSize of [CHANNEL_LIMIT - 1, CHANNEL_LIMIT, CHANNEL_LIMIT + 1]) sizes.push(limitSize);
  sizes.push(4 * 1024 * 1024 + 7);

  test.each(sizes)('a message of %i bytes crosses in frames under the limit and arrives intact', (size) => {
    const original = message(size);
    const frames = encodeFrames(original);
    for (const frame of frames) expect(frame.length).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    expect(Math.max(...frames.map((frame) => frame.length))).toBeLessThan(CHANNEL_LIMIT);
    const reassembler = createReassembler(64 * 1024 * 1024);
    const results = frames.map((frame) => reassembler.push(frame));
    expect(results.slice(0, -1).every((result) => result.kind === 'partial')).toBe(true);
    const last = results.at(-1);
    expect(last?.kind).toBe('message');
    // Buffer comparison: toEqual walks megabytes element by element.
    if (last?.kind === 'message') expect(Buffer.compare(last.message, original)).toBe(0);
  });

  test('messages follow each other on one reassembler', () => {
    const reassembler = createReassembler(10_000_000);
    for (const size of [10, 300_000, 5, MAX_FRAME_BYTES * 3]) {
      const results = encodeFrames(message(size)).map((frame) => reassembler.push(frame));
      const last = results.at(-1);
      expect(last?.kind === 'message' && last.message.length).toBe(size);
    }
  });

  test('a message above the bound is refused at its first frame', () => {
    const reassembler = createReassembler(1_000_000);
    const frames = encodeFrames(message(1_000_001));
    expect(reassembler.push(frames[0] as Uint8Array)).toEqual({ kind: 'error', reason: REASSEMBLY_ERROR.tooLarge });
    expect(createReassembler(10).push(encodeFrames(message(11))[0] as Uint8Array)).toEqual({ kind: 'error', reason: REASSEMBLY_ERROR.tooLarge });
  });

  test('malformed framing is reported, never thrown', () => {
    const reassembler = createReassembler(1_000_000);
    expect(reassembler.push(new Uint8Array([FRAME.next, 1, 2])).kind).toBe('error');
    expect(reassembler.push(new Uint8Array([9])).kind).toBe('error');
    expect(reassembler.push(new Uint8Array([])).kind).toBe('error');
    expect(reassembler.push(new Uint8Array([FRAME.first, 0, 0])).kind).toBe('error');
    const frames = encodeFrames(message(MAX_FRAME_BYTES * 2));
    const fresh = createReassembler(1_000_000);
    fresh.push(frames[0] as Uint8Array);
    expect(fresh.push(new Uint8Array([FRAME.whole, 1])).kind).toBe('error');
    const overlong = createReassembler(1_000_000);
    overlong.push(frames[0] as Uint8Array);
    expect(overlong.push(new Uint8Array(MAX_FRAME_BYTES).fill(FRAME.next, 0, 1)).kind).toBe('partial');
    expect(overlong.push(new Uint8Array(MAX_FRAME_BYTES).fill(FRAME.next, 0, 1)).kind).toBe('error');
  });
});
