/** One reading of a link, from getStats; a field is missing when the browser did not report it. */
export interface LinkSample {
  readonly rttMs?: number;
  /** Lost packets over expected packets since the previous reading, 0 to 1. */
  readonly lossFraction?: number;
  readonly jitterMs?: number;
  readonly availableBitrateBps?: number;
}

export type Quality = 'good' | 'fair' | 'poor' | 'unknown';

const RANK: Record<Quality, number> = { unknown: 0, good: 1, fair: 2, poor: 3 };

/**
 * Thresholds from what people notice in a call: past 300 ms of round trip
 * turns overlap, 5 % loss shows as artefacts, 50 ms of jitter as robotic
 * audio, and under 150 kbit/s video cannot be kept.
 */
const LIMITS = {
  rttMs: { fair: 150, poor: 300 },
  lossFraction: { fair: 0.02, poor: 0.05 },
  jitterMs: { fair: 30, poor: 50 },
} as const;
const BITRATE = { fair: 500_000, poor: 150_000 } as const;

function grade(value: number | undefined, limits: { fair: number; poor: number }): Quality {
  if (value === undefined || !Number.isFinite(value)) return 'unknown';
  if (value >= limits.poor) return 'poor';
  if (value >= limits.fair) return 'fair';
  return 'good';
}

/** The worst of the per-metric grades; unknown only when nothing was measured. */
export function qualityOf(sample: LinkSample): Quality {
  const bitrate = sample.availableBitrateBps;
  const bitrateGrade: Quality =
    bitrate === undefined ? 'unknown' : bitrate < BITRATE.poor ? 'poor' : bitrate < BITRATE.fair ? 'fair' : 'good';
  const grades = [
    grade(sample.rttMs, LIMITS.rttMs),
    grade(sample.lossFraction, LIMITS.lossFraction),
    grade(sample.jitterMs, LIMITS.jitterMs),
    bitrateGrade,
  ];
  return grades.reduce((worst, next) => (RANK[next] > RANK[worst] ? next : worst), 'unknown');
}

/** Cumulative counters of an inbound stream, as `inbound-rtp` reports them. */
export interface InboundCounters {
  readonly timestampMs: number;
  readonly packetsReceived: number;
  readonly packetsLost: number;
  readonly bytesReceived: number;
}

/** Loss fraction and receive bitrate between two readings of the same stream. */
export function inboundRates(previous: InboundCounters | undefined, current: InboundCounters): { lossFraction?: number; bitrateBps?: number } {
  if (!previous || current.timestampMs <= previous.timestampMs) return {};
  const received = current.packetsReceived - previous.packetsReceived;
  const lost = Math.max(0, current.packetsLost - previous.packetsLost);
  const seconds = (current.timestampMs - previous.timestampMs) / 1000;
  return {
    ...(received + lost > 0 ? { lossFraction: lost / (received + lost) } : {}),
    bitrateBps: Math.max(0, ((current.bytesReceived - previous.bytesReceived) * 8) / seconds),
  };
}
