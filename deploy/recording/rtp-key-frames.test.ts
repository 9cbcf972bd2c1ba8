import { describe, expect, test } from 'vitest';
import { startsKeyFrame } from './rtp-key-frames.js';

/** An RTP packet: version 2, `csrcs` contributing sources, a one-word header extension when asked, then `payload`. */
function rtp(payload: readonly number[], { csrcs = 0, extension = false } = {}): Uint8Array {
  const header = [0x80 | (extension ? 0x10 : 0) | csrcs, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1];
  const sources = Array.from({ length: csrcs * 4 }, () => 7);
  const extensionBlock = extension ? [0xbe, 0xde, 0, 1, 0x10, 0xff, 0, 0] : [];
  return new Uint8Array([...header, ...sources, ...extensionBlock, ...payload]);
}

describe('whether an RTP packet begins a key frame', () => {
  test.each([
    ['a VP8 key frame start', 'vp8', rtp([0x10, 0x50, 0x2f, 0x01, 0x9d, 0x01, 0x2a]), true],
    ['a VP8 delta frame start', 'vp8', rtp([0x10, 0x01]), false],
    ['a key frame\'s later packet (S clear)', 'vp8', rtp([0x00, 0x00]), false],
    ['a later partition (PID 1)', 'vp8', rtp([0x11, 0x00]), false],
    // Chromium's descriptor: X, then I with a 15-bit picture id, L and T/K.
    ['a VP8 key frame with picture id, TL0PICIDX and TID', 'vp8', rtp([0x90, 0xe0, 0x81, 0x23, 0x05, 0x20, 0x00]), true],
    ['a VP8 delta frame with picture id, TL0PICIDX and TID', 'vp8', rtp([0x90, 0xe0, 0x81, 0x23, 0x05, 0x20, 0x01]), false],
    ['a VP8 key frame after CSRCs and a header extension', 'vp8', rtp([0x10, 0x00], { csrcs: 2, extension: true }), true],
    ['a VP9 frame that begins and is not predicted', 'vp9', rtp([0x08 | 0x80, 0x12]), true],
    ['a VP9 predicted frame', 'vp9', rtp([0x08 | 0x40, 0x12]), false],
    ['a packet with no payload', 'vp8', rtp([]), false],
    ['an Opus packet', 'opus', rtp([0x78]), true],
    ['an H.264 packet (not read: never a reason to skip)', 'h264', rtp([0x41]), true],
  ] as const)('%s: %s', (_name, codec, packet, expected) => {
    expect(startsKeyFrame(packet, codec)).toBe(expected);
  });
});
