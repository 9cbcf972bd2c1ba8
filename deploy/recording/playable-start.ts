import type { RtpTiming } from './mjr.js';

/** Jitter between a packet's RTP time and when Janus wrote it stays within ±200 ms on a loaded 2-core machine. */
const SKEW_TOLERANCE_MS = 500;
/** What precedes a layer switch at the start is a few packets; more than this is the stream itself, left whole. */
const MAX_STRAY_PACKETS = 50;

export interface PlayableStart {
  /** Stray packets at the start, for janus-pp-rec's `--ignore-first`. */
  readonly skipPackets: number;
  /** Where the first packet kept belongs, ms after the stream's first frame was written (its header's `u`). */
  readonly atMs: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * Where a file can start for the first packet that agrees: video decodes
 * from a key frame only, and a camera sends one when asked, not
 * periodically (three in ten seconds seen, all in the first 16 packets).
 * The frame of that packet if it is one; else the last key frame before
 * it, kept though its time disagrees (frozen on screen until the frames
 * after it come, where they belong); else the first after it; else the
 * whole stream.
 */
function decodableFrom(timings: readonly RtpTiming[], agreeing: number): number {
  let frameStart = agreeing;
  while (frameStart > 0 && timings[frameStart - 1]?.rtpTimestamp === timings[agreeing]?.rtpTimestamp) frameStart -= 1;
  if (timings[frameStart]?.startsKeyFrame) return frameStart;
  for (let before = frameStart - 1; before >= 0; before -= 1) if (timings[before]?.startsKeyFrame) return before;
  const after = timings.findIndex((timing, index) => index > frameStart && timing.startsKeyFrame);
  return Math.max(after, 0);
}

/**
 * Where a recorded stream's playable part begins. janus-pp-rec places
 * frames by their RTP times, so a stream belongs where its RTP times and
 * the times Janus wrote its packets agree: the median of their difference
 * over its first packets, which one late packet (the first, say) does not
 * move. Packets at the start that disagree with it by more than jitter are
 * stray and skipped: Janus records the top simulcast layer, and when a
 * camera's top layer starts after the recording does (someone who joins
 * during it, their bandwidth estimate still ramping up), Janus writes a
 * few packets before switching to it, and the timestamps after the switch
 * jump ahead (1.8 s seen). Kept, they would play the whole video that much
 * late against its voice and run the file past the recording's end.
 * The part kept starts at a key frame (`decodableFrom`).
 */
export function playableStart(timings: readonly RtpTiming[], clockRate: number): PlayableStart {
  const first = timings[0];
  if (!first) return { skipPackets: 0, atMs: 0 };
  let rtpMs = 0;
  const rtpTimes = timings.map((timing, index) => {
    if (index > 0) rtpMs += ((timing.rtpTimestamp - (timings[index - 1]?.rtpTimestamp ?? 0)) | 0) / (clockRate / 1000);
    return rtpMs;
  });
  const skews = timings.map((timing, index) => (rtpTimes[index] ?? 0) - (timing.atMs - first.atMs));
  const settled = median(skews);
  const agreeing = skews.findIndex((skew) => Math.abs(skew - settled) <= SKEW_TOLERANCE_MS);
  const skipPackets = agreeing > 0 && agreeing <= MAX_STRAY_PACKETS ? decodableFrom(timings, agreeing) : 0;
  return { skipPackets, atMs: Math.round((rtpTimes[skipPackets] ?? 0) - settled) };
}
