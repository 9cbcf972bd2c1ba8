import type { Substream } from '../media/simulcast.js';
import type { DownlinkSample } from './downlink-budget.js';
import { inboundRates, qualityOf, type InboundCounters, type Quality } from './network-quality.js';

/** What the stats panel and the tile indicator show for one feed (or for our own uplink, under SELF_STATS). */
export interface FeedStats {
  readonly quality: Quality;
  readonly rttMs?: number;
  readonly lossFraction?: number;
  readonly jitterMs?: number;
  readonly bitrateBps?: number;
  readonly availableBitrateBps?: number;
  readonly frameWidth?: number;
  readonly frameHeight?: number;
  readonly framesDecoded?: number;
  readonly framesPerSecond?: number;
  readonly candidateType?: string;
  readonly layer: Substream | null;
  /** Recent bitrates in kbit/s, oldest first, for the small graphs. */
  readonly bitrateHistory: readonly number[];
  readonly rttHistory: readonly number[];
}

export const SELF_STATS = 'self';
const HISTORY_LENGTH = 30;

type Report = Record<string, unknown>;
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function push(history: readonly number[] | undefined, value: number | undefined): readonly number[] {
  if (value === undefined) return history ?? [];
  return [...(history ?? []), value].slice(-HISTORY_LENGTH);
}

/** The selected candidate pair's round trip, available bitrates and local candidate type. */
function selectedPath(reports: Map<string, Report>) {
  let pair: Report | undefined;
  for (const report of reports.values()) {
    if (report.type === 'transport' && typeof report.selectedCandidatePairId === 'string') pair = reports.get(report.selectedCandidatePairId);
  }
  if (!pair) {
    for (const report of reports.values()) if (report.type === 'candidate-pair' && report.nominated && report.state === 'succeeded') pair = report;
  }
  if (!pair) return {};
  const local = typeof pair.localCandidateId === 'string' ? reports.get(pair.localCandidateId) : undefined;
  const rtt = num(pair.currentRoundTripTime);
  return {
    rttMs: rtt === undefined ? undefined : rtt * 1000,
    availableIncomingBps: num(pair.availableIncomingBitrate),
    availableOutgoingBps: num(pair.availableOutgoingBitrate),
    candidateType: typeof local?.candidateType === 'string' ? local.candidateType : undefined,
  };
}

export interface DownlinkReading {
  readonly feeds: Record<string, FeedStats>;
  /** What the whole subscription received, for the downlink budget (see downlink-budget.ts). */
  readonly downlink: DownlinkSample;
}

/** Turns one getStats report of the subscription into per-feed stats and a downlink sample. */
export function readSubscriberStats(
  raw: RTCStatsReport,
  feedOfMid: (mid: string) => string | undefined,
  layerOfMid: (mid: string) => Substream | null,
  previous: Readonly<Record<string, FeedStats>>,
  counters: Map<string, InboundCounters>,
): DownlinkReading {
  const reports = new Map<string, Report>();
  raw.forEach((report: Report) => reports.set(String(report.id), report));
  const path = selectedPath(reports);
  const feeds: Record<string, FeedStats> = {};
  let totalBps = 0;
  let worstLoss = 0;
  for (const report of reports.values()) {
    if (report.type !== 'inbound-rtp' || typeof report.mid !== 'string') continue;
    const feed = feedOfMid(report.mid);
    if (!feed) continue;
    const current: InboundCounters = {
      timestampMs: num(report.timestamp) ?? 0,
      packetsReceived: num(report.packetsReceived) ?? 0,
      packetsLost: num(report.packetsLost) ?? 0,
      bytesReceived: num(report.bytesReceived) ?? 0,
    };
    const rates = inboundRates(counters.get(report.mid), current);
    counters.set(report.mid, current);
    totalBps += rates.bitrateBps ?? 0;
    worstLoss = Math.max(worstLoss, rates.lossFraction ?? 0);
    const jitter = num(report.jitter);
    const isVideo = report.kind === 'video';
    const merged = {
      ...(feeds[feed] ?? { layer: null }),
      rttMs: path.rttMs,
      candidateType: path.candidateType,
      availableBitrateBps: path.availableIncomingBps,
      jitterMs: Math.max(feeds[feed]?.jitterMs ?? 0, jitter === undefined ? 0 : jitter * 1000),
      lossFraction: Math.max(feeds[feed]?.lossFraction ?? 0, rates.lossFraction ?? 0),
      // Unknown until a second reading: a first zero would draw a false dip on the graph.
      bitrateBps: rates.bitrateBps === undefined ? feeds[feed]?.bitrateBps : (feeds[feed]?.bitrateBps ?? 0) + rates.bitrateBps,
      ...(isVideo
        ? {
            frameWidth: num(report.frameWidth),
            frameHeight: num(report.frameHeight),
            framesDecoded: num(report.framesDecoded),
            framesPerSecond: num(report.framesPerSecond),
            layer: layerOfMid(report.mid),
          }
        : {}),
    };
    // Quality and histories are filled in once every m-line of the feed is merged, below.
    feeds[feed] = { ...merged, quality: 'unknown', bitrateHistory: [], rttHistory: [] };
  }
  for (const [feed, stats] of Object.entries(feeds)) {
    feeds[feed] = {
      ...stats,
      quality: qualityOf(stats),
      bitrateHistory: push(previous[feed]?.bitrateHistory, stats.bitrateBps === undefined ? undefined : Math.round(stats.bitrateBps / 1000)),
      rttHistory: push(previous[feed]?.rttHistory, stats.rttMs),
    };
  }
  return { feeds, downlink: { availableBps: path.availableIncomingBps, receivedBps: totalBps, lossFraction: worstLoss } };
}

/** Our uplink: what the camera publisher's connection reports. */
export function readPublisherStats(raw: RTCStatsReport, previous: FeedStats | undefined): FeedStats {
  const reports = new Map<string, Report>();
  raw.forEach((report: Report) => reports.set(String(report.id), report));
  const path = selectedPath(reports);
  let widest: Report | undefined;
  for (const report of reports.values()) {
    if (report.type === 'outbound-rtp' && report.kind === 'video' && (num(report.frameWidth) ?? 0) >= (num(widest?.frameWidth) ?? 0)) widest = report;
  }
  const stats = {
    rttMs: path.rttMs,
    candidateType: path.candidateType,
    availableBitrateBps: path.availableOutgoingBps,
    frameWidth: num(widest?.frameWidth),
    frameHeight: num(widest?.frameHeight),
    framesPerSecond: num(widest?.framesPerSecond),
    layer: null,
  };
  return {
    ...stats,
    quality: qualityOf(stats),
    bitrateHistory: push(previous?.bitrateHistory, path.availableOutgoingBps === undefined ? undefined : Math.round(path.availableOutgoingBps / 1000)),
    rttHistory: push(previous?.rttHistory, path.rttMs),
  };
}
