import { describe, expect, test } from 'vitest';
import type { RemoteFeedMedia } from '../janus/subscriber.js';
import { chooseLayers, TileReports, videoRelayPlan, type TileReport } from './subscription-policy.js';

/** Each feed's video on its own m-line, named after the feed. */
function mediaOf(...feeds: string[]): Record<string, RemoteFeedMedia> {
  return Object.fromEntries(feeds.map((feed) => [feed, { audio: null, video: {} as MediaStreamTrack, videoMid: `mid-${feed}` }]));
}

function tiles(...entries: Array<[string, TileReport]>): Map<string, TileReport> {
  return new Map(entries);
}

describe('the subscription policy', () => {
  test('the speaker and screen shares get the top layer whatever their size', () => {
    const layers = chooseLayers(tiles(['ann', { role: 'speaker', height: 100, visible: true }], ['bob', { role: 'screen', height: 90, visible: true }]), mediaOf('ann', 'bob'), null);
    expect([...layers]).toEqual([
      ['mid-ann', 2],
      ['mid-bob', 2],
    ]);
  });

  test('grid tiles and thumbnails get the smallest layer that is not visibly upscaled', () => {
    const layers = chooseLayers(
      tiles(['ann', { role: 'grid', height: 240, visible: true }], ['bob', { role: 'grid', height: 480, visible: true }], ['cid', { role: 'thumbnail', height: 1080, visible: true }]),
      mediaOf('ann', 'bob', 'cid'),
      null,
    );
    expect(layers.get('mid-ann')).toBe(0);
    expect(layers.get('mid-bob')).toBe(1);
    expect(layers.get('mid-cid')).toBe(2);
  });

  test('a tile without video on the subscription asks for nothing', () => {
    const media = { ...mediaOf('ann'), bob: { audio: null, video: null, videoMid: null } };
    const layers = chooseLayers(tiles(['ann', { role: 'grid', height: 720, visible: true }], ['bob', { role: 'grid', height: 720, visible: true }], ['gone', { role: 'grid', height: 720, visible: true }]), media, null);
    expect([...layers.keys()]).toEqual(['mid-ann']);
  });

  test('a short budget lowers thumbnails before the grid, and the grid before the speaker', () => {
    const shown = tiles(['thumb', { role: 'thumbnail', height: 720, visible: true }], ['grid', { role: 'grid', height: 720, visible: true }], ['speaker', { role: 'speaker', height: 720, visible: true }]);
    const media = mediaOf('thumb', 'grid', 'speaker');
    // Layers cost 0.12, 0.4 and 1.2 Mbit/s: all three on the top layer need 3.6.
    expect([...chooseLayers(shown, media, 2_800_000)]).toEqual([
      ['mid-speaker', 2],
      ['mid-grid', 2],
      ['mid-thumb', 1],
    ]);
    expect([...chooseLayers(shown, media, 2_000_000)]).toEqual([
      ['mid-speaker', 2],
      ['mid-grid', 1],
      ['mid-thumb', 1],
    ]);
  });

  test('no budget leaves every tile on the layer it needs', () => {
    const layers = chooseLayers(tiles(['ann', { role: 'grid', height: 720, visible: true }], ['bob', { role: 'grid', height: 720, visible: true }]), mediaOf('ann', 'bob'), null);
    expect([...layers.values()]).toEqual([2, 2]);
  });

  test('a tile off screen asks for no layer at all', () => {
    const layers = chooseLayers(tiles(['ann', { role: 'grid', height: 360, visible: true }], ['bob', { role: 'speaker', height: 720, visible: false }]), mediaOf('ann', 'bob'), null);
    expect([...layers]).toEqual([['mid-ann', 1]]);
  });

  test('a budget below the lowest layers keeps every tile on the lowest layer rather than none', () => {
    const layers = chooseLayers(tiles(['ann', { role: 'speaker', height: 720, visible: true }], ['bob', { role: 'grid', height: 720, visible: true }]), mediaOf('ann', 'bob'), 50_000);
    expect([...layers.values()]).toEqual([0, 0]);
  });
});

describe('tile reports', () => {
  const grid = (height: number, visible = true): TileReport => ({ role: 'grid', height, visible });
  test('a report that changes nothing is not news; a new role, height or visibility is', () => {
    const reports = new TileReports();
    expect(reports.report('ann', grid(360))).toBe(true);
    expect(reports.report('ann', grid(360))).toBe(false);
    expect(reports.report('ann', grid(400))).toBe(true);
    expect(reports.report('ann', { role: 'speaker', height: 400, visible: true })).toBe(true);
    expect(reports.report('ann', { role: 'speaker', height: 400, visible: false })).toBe(true);
    reports.forget('ann');
    expect(reports.current.size).toBe(0);
    expect(reports.report('ann', grid(400))).toBe(true);
  });

  test('the hidden feeds are those whose tile reports itself off screen', () => {
    const reports = new TileReports();
    reports.report('ann', grid(360));
    reports.report('bob', grid(360, false));
    expect([...reports.hidden()]).toEqual(['bob']);
    reports.report('bob', grid(360));
    expect(reports.hidden().size).toBe(0);
  });
});

describe('what Janus relays', () => {
  const streams = [
    { mid: '0', type: 'audio', feed_id: 'bob' },
    { mid: '1', type: 'video', feed_id: 'bob' },
    { mid: '2', type: 'video', feed_id: '8002' },
    { mid: '3', type: 'video', feed_id: 'carol' },
  ] as const;
  const none = new Set<string>();

  test('every video flows while nothing is hidden or paused; audio is never touched', () => {
    expect(videoRelayPlan(streams, { camerasPaused: false, screenFeeds: new Set(['8002']), hiddenFeeds: none })).toEqual([
      { mid: '1', feed: 'bob', send: true },
      { mid: '2', feed: '8002', send: true },
      { mid: '3', feed: 'carol', send: true },
    ]);
  });

  test('the audio-only fallback pauses every camera video but no screen share', () => {
    const plan = videoRelayPlan(streams, { camerasPaused: true, screenFeeds: new Set(['8002']), hiddenFeeds: none });
    expect(plan.filter((line) => !line.send).map((line) => line.mid)).toEqual(['1', '3']);
  });

  test('a hidden tile pauses its video, a screen share included', () => {
    const plan = videoRelayPlan(streams, { camerasPaused: false, screenFeeds: new Set(['8002']), hiddenFeeds: new Set(['8002', 'carol']) });
    expect(plan.filter((line) => !line.send).map((line) => line.mid)).toEqual(['2', '3']);
  });
});
