import { describe, expect, test } from 'vitest';
import type { RtpTiming } from './mjr.js';
import { playableStart } from './playable-start.js';

const VIDEO_CLOCK = 90_000;
/**
 * Packets every 33 ms from `fromMs`, their RTP times `rtpAheadMs` ahead of their write times, each written
 * `lateMs(index)` late; the first begins a key frame, as after Janus's request for one.
 */
const steady = (count: number, fromMs = 0, rtpAheadMs = 0, lateMs: (index: number) => number = () => 0): RtpTiming[] =>
  Array.from({ length: count }, (_, index) => ({
    atMs: fromMs + index * 33 + lateMs(index),
    rtpTimestamp: (1_000_000 + (fromMs + rtpAheadMs + index * 33) * 90) >>> 0,
    startsKeyFrame: index === 0,
  }));
const keyFrameAt = (timings: RtpTiming[], keyFrames: readonly number[]): RtpTiming[] => timings.map((timing, index) => ({ ...timing, startsKeyFrame: keyFrames.includes(index) }));

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
      { atMs: 0, rtpTimestamp: 1_000_000, startsKeyFrame: true },
      { atMs: 29, rtpTimestamp: 1_000_000 + 29 * 90, startsKeyFrame: false },
      { atMs: 439, rtpTimestamp: 1_000_000 + 179 * 90, startsKeyFrame: false },
    ];
    // The top layer from 75 ms on, its first five packets written in one burst at 475 ms, the rest on time.
    const after = steady(200, 75, 1_800, (index) => (index < 5 ? 400 - index * 33 : 0));
    expect(playableStart([...before, ...after], VIDEO_CLOCK)).toEqual({ skipPackets: 3, atMs: 75 });
  });

  test('when the only key frames are among the stray packets, the file starts at the last of them, where its frames belong', () => {
    const before = keyFrameAt(steady(3), [0, 2]);
    const after = keyFrameAt(steady(200, 100, 1_800), []);
    // The frame at 66 ms (its RTP time 1.8 s behind the rest) shows from 1.8 s before it was written.
    expect(playableStart([...before, ...after], VIDEO_CLOCK)).toEqual({ skipPackets: 2, atMs: 66 - 1_800 });
  });

  test('when no key frame precedes the first agreeing packet, the file starts at the next one', () => {
    const before = keyFrameAt(steady(3), []);
    const after = keyFrameAt(steady(200, 100, 1_800), [4]);
    expect(playableStart([...before, ...after], VIDEO_CLOCK)).toEqual({ skipPackets: 7, atMs: 100 + 4 * 33 });
  });

  test('a frame of several packets is kept whole from its first', () => {
    const before = keyFrameAt(steady(3), []);
    // The key frame's first packet was written 900 ms late with the next two, which share its RTP time.
    const after = steady(200, 100, 1_800).map((timing, index) => (index < 3 ? { ...timing, rtpTimestamp: steady(1, 100, 1_800)[0]?.rtpTimestamp ?? 0, atMs: 100 + (index === 0 ? 0 : 900) } : timing));
    expect(playableStart([...before, ...after], VIDEO_CLOCK).skipPackets).toBe(3);
  });

  test('no key frame at all in the first packets: the stream is left whole', () => {
    expect(playableStart([...keyFrameAt(steady(3), []), ...keyFrameAt(steady(200, 100, 1_800), [])], VIDEO_CLOCK).skipPackets).toBe(0);
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
