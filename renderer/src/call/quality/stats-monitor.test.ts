import { describe, expect, test } from 'vitest';
import type { InboundCounters } from './network-quality.js';
import { readPublisherStats, readSubscriberStats } from './stats-monitor.js';

function report(entries: Array<Record<string, unknown>>): RTCStatsReport {
  return { forEach: (callback: (value: Record<string, unknown>) => void) => entries.forEach(callback) } as unknown as RTCStatsReport;
}

const path = [
  { id: 'T', type: 'transport', selectedCandidatePairId: 'P' },
  { id: 'P', type: 'candidate-pair', currentRoundTripTime: 0.04, localCandidateId: 'L', availableOutgoingBitrate: 900_000 },
  { id: 'L', type: 'local-candidate', candidateType: 'relay' },
];

function inbound(timestamp: number, packetsReceived: number, packetsLost: number, bytesReceived: number) {
  return [
    ...path,
    { id: 'V', type: 'inbound-rtp', kind: 'video', mid: '1', timestamp, packetsReceived, packetsLost, bytesReceived, jitter: 0.01, frameWidth: 640, frameHeight: 360, framesDecoded: 100, framesPerSecond: 20 },
    { id: 'A', type: 'inbound-rtp', kind: 'audio', mid: '0', timestamp, packetsReceived, packetsLost: 0, bytesReceived: 0, jitter: 0.002 },
  ];
}

describe('readSubscriberStats', () => {
  test('groups a feed’s audio and video, with path, layer, rates and a graded quality', () => {
    const counters = new Map<string, InboundCounters>();
    const feedOfMid = () => 'bob';
    const first = readSubscriberStats(report(inbound(1000, 100, 0, 0)), feedOfMid, () => 1, {}, counters);
    const second = readSubscriberStats(report(inbound(2000, 190, 10, 125_000)), feedOfMid, () => 1, first.feeds, counters);
    const bob = second.feeds.bob;
    expect(bob).toMatchObject({ candidateType: 'relay', rttMs: 40, frameWidth: 640, framesDecoded: 100, layer: 1, jitterMs: 10 });
    expect(bob?.lossFraction).toBeCloseTo(0.1);
    expect(bob?.quality).toBe('poor');
    expect(bob?.bitrateHistory).toEqual([1000]);
    expect(second.downlink).toMatchObject({ receivedBps: 1_000_000, availableBps: undefined });
    expect(second.downlink.lossFraction).toBeCloseTo(0.1);
  });

  test('ignores m-lines that map to no feed', () => {
    const counters = new Map<string, InboundCounters>();
    const reading = readSubscriberStats(report(inbound(1000, 100, 0, 0)), () => undefined, () => null, {}, counters);
    expect(reading.feeds).toEqual({});
    expect(reading.downlink).toMatchObject({ receivedBps: 0, lossFraction: 0 });
  });
});

describe('readPublisherStats', () => {
  test('reads our uplink from the widest outbound layer and the selected pair', () => {
    const stats = readPublisherStats(
      report([...path, { id: 'O1', type: 'outbound-rtp', kind: 'video', frameWidth: 320 }, { id: 'O2', type: 'outbound-rtp', kind: 'video', frameWidth: 1280, frameHeight: 720 }]),
      undefined,
    );
    expect(stats).toMatchObject({ frameWidth: 1280, candidateType: 'relay', availableBitrateBps: 900_000, quality: 'good' });
  });
});
