import { describe, expect, test } from 'vitest';
import type { RtpTiming } from './mjr.js';
import { playableStart } from './playable-start.js';

const VIDEO_CLOCK = 90_000;
/** Packets every 33 ms from `fromMs`, their RTP times `rtpAheadMs` ahead of their write times, each written `lateMs(index)` late. */
const steady = (count: number, fromMs = 0, rtpAheadMs = 0, lateMs: (index: number) => number = () => 0): RtpTiming[] =>
  Array.from({ length: count }, (_, index) => ({ atMs: fromMs + index * 33 + lateMs(index), rtpTimestamp: (1_000_000 + (fromMs + rtpAheadMs + index * 33) * 90) >>> 0 }));

describe('where a recorded stream begins', () => {
  test('a stream whose RTP times follow its write times keeps every packet and starts at its first frame', () => {
    expect(playableStart(steady(200), VIDEO_CLOCK)).toEqual({ skipPackets: 0, atMs: 0 });
  });

  test('jitter of a loaded machine (some packets 300 ms late) is not a stray start', () => {
    expect(playableStart(steady(200, 0, 0, (index) => (index % 7 === 1 ? 300 : 0)), VIDEO_CLOCK)).toEqual({ skipPackets: 0, atMs: 0 });
  });

  test('a first packet written 120 ms late puts the stream 120 ms before it', () => {
    expect(playableStart(steady(200, 0, 0, (index) => (index === 0 ? 120 : 0)), VIDEO_CLOCK)).toEqual({ skipPackets: 0, atMs: -120 });
  });

  test('packets before a layer switch whose timestamps then jump 1.8 s ahead are skipped (as recorded for a late joiner)', () => {
    const before = [
      { atMs: 0, rtpTimestamp: 1_000_000 },
      { atMs: 29, rtpTimestamp: 1_000_000 + 29 * 90 },
      { atMs: 439, rtpTimestamp: 1_000_000 + 179 * 90 },
    ];
    // The top layer from 75 ms on, its first five packets written in one burst at 475 ms, the rest on time.
    const after = steady(200, 75, 1_800, (index) => (index < 5 ? 400 - index * 33 : 0));
    expect(playableStart([...before, ...after], VIDEO_CLOCK)).toEqual({ skipPackets: 3, atMs: 75 });
  });

  test('timestamps that wrap around 2^32 are one timeline', () => {
    const wrapping = steady(100).map((timing) => ({ ...timing, rtpTimestamp: (timing.rtpTimestamp + 4_294_000_000) >>> 0 }));
    expect(playableStart(wrapping, VIDEO_CLOCK)).toEqual({ skipPackets: 0, atMs: 0 });
  });

  test('a jump after the first 50 packets is the stream itself, left whole', () => {
    expect(playableStart([...steady(60), ...steady(200, 60 * 33, 2_000)], VIDEO_CLOCK).skipPackets).toBe(0);
  });

  test('no packets, nothing to skip', () => {
    expect(playableStart([], VIDEO_CLOCK)).toEqual({ skipPackets: 0, atMs: 0 });
  });
});
