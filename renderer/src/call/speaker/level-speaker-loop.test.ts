import { describe, expect, test } from 'vitest';
import { createCallStore } from '../call-store.js';
import { levelReadings, LevelSpeakerLoop } from './level-speaker-loop.js';

/** getStats reports as Chromium shapes them; a Map stands in for RTCStatsReport (both are maplike). */
const report = (entries: Array<Record<string, unknown>>) => new Map(entries.map((entry, index) => [`r${index}`, entry])) as unknown as RTCStatsReport;

describe('audio levels from getStats', () => {
  test('inbound audio by the feed its m-line carries, and our own microphone under our feed id', () => {
    const incoming = report([
      { type: 'inbound-rtp', kind: 'audio', mid: '0', totalAudioEnergy: 0.5, totalSamplesDuration: 10 },
      { type: 'inbound-rtp', kind: 'video', mid: '1', framesDecoded: 100 },
      { type: 'inbound-rtp', kind: 'audio', mid: '2', totalAudioEnergy: 0.1, totalSamplesDuration: 9 },
      // An m-line the subscription no longer maps to a feed, and one without counters yet.
      { type: 'inbound-rtp', kind: 'audio', mid: '9', totalAudioEnergy: 1, totalSamplesDuration: 1 },
      { type: 'inbound-rtp', kind: 'audio', mid: '4' },
    ]);
    const outgoing = report([{ type: 'media-source', kind: 'audio', totalAudioEnergy: 0.2, totalSamplesDuration: 8 }, { type: 'media-source', kind: 'video' }]);
    const feeds: Record<string, string> = { '0': '8001', '2': '8003', '4': '8004' };
    expect(levelReadings(incoming, outgoing, (mid) => feeds[mid], '7001')).toEqual([
      { feedId: '8001', totalEnergy: 0.5, totalDuration: 10 },
      { feedId: '8003', totalEnergy: 0.1, totalDuration: 9 },
      { feedId: '7001', totalEnergy: 0.2, totalDuration: 8 },
    ]);
  });

  test('levels decide only where the room sends no talking events, or until it is seen to send one', () => {
    const loop = new LevelSpeakerLoop(createCallStore(), () => null);
    expect(loop.measuring).toBe(true);
    loop.heardTalkingEvent();
    expect(loop.measuring).toBe(false);
    loop.talkingEvents(false);
    expect(loop.measuring).toBe(true);
    loop.talkingEvents(true);
    expect(loop.measuring).toBe(false);
    loop.stop();
    expect(loop.measuring).toBe(true);
  });
});
