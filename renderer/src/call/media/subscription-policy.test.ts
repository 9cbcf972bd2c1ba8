import { describe, expect, test } from 'vitest';
import type { RemoteFeedMedia } from '../janus/subscriber.js';
import { chooseLayers, TileReports, type TileReport } from './subscription-policy.js';

/** Each feed's video on its own m-line, named after the feed. */
function mediaOf(...feeds: string[]): Record<string, RemoteFeedMedia> {
  return Object.fromEntries(feeds.map((feed) => [feed, { audio: null, video: {} as MediaStreamTrack, videoMid: `mid-${feed}` }]));
}

function tiles(...entries: Array<[string, TileReport]>): Map<string, TileReport> {
  return new Map(entries);
}

describe('the subscription policy', () => {
  test('the speaker and screen shares get the top layer whatever their size', () => {
    const layers = chooseLayers(tiles(['ann', { role: 'speaker', height: 100 }], ['bob', { role: 'screen', height: 90 }]), mediaOf('ann', 'bob'), null);
    expect([...layers]).toEqual([
      ['mid-ann', 2],
      ['mid-bob', 2],
    ]);
  });

  test('grid tiles and thumbnails get the smallest layer that is not visibly upscaled', () => {
    const layers = chooseLayers(
      tiles(['ann', { role: 'grid', height: 240 }], ['bob', { role: 'grid', height: 480 }], ['cid', { role: 'thumbnail', height: 1080 }]),
      mediaOf('ann', 'bob', 'cid'),
      null,
    );
    expect(layers.get('mid-ann')).toBe(0);
    expect(layers.get('mid-bob')).toBe(1);
    expect(layers.get('mid-cid')).toBe(2);
  });

  test('a tile without video on the subscription asks for nothing', () => {
    const media = { ...mediaOf('ann'), bob: { audio: null, video: null, videoMid: null } };
    const layers = chooseLayers(tiles(['ann', { role: 'grid', height: 720 }], ['bob', { role: 'grid', height: 720 }], ['gone', { role: 'grid', height: 720 }]), media, null);
    expect([...layers.keys()]).toEqual(['mid-ann']);
  });

  test('a short budget lowers thumbnails before the grid, and the grid before the speaker', () => {
    const shown = tiles(['thumb', { role: 'thumbnail', height: 720 }], ['grid', { role: 'grid', height: 720 }], ['speaker', { role: 'speaker', height: 720 }]);
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
    const layers = chooseLayers(tiles(['ann', { role: 'grid', height: 720 }], ['bob', { role: 'grid', height: 720 }]), mediaOf('ann', 'bob'), null);
    expect([...layers.values()]).toEqual([2, 2]);
  });

  test('a budget below the lowest layers keeps every tile on the lowest layer rather than none', () => {
    const layers = chooseLayers(tiles(['ann', { role: 'speaker', height: 720 }], ['bob', { role: 'grid', height: 720 }]), mediaOf('ann', 'bob'), 50_000);
    expect([...layers.values()]).toEqual([0, 0]);
  });
});

describe('tile reports', () => {
  test('a report that changes nothing is not news; a new role or height is', () => {
    const reports = new TileReports();
    expect(reports.report('ann', 'grid', 360)).toBe(true);
    expect(reports.report('ann', 'grid', 360)).toBe(false);
    expect(reports.report('ann', 'grid', 400)).toBe(true);
    expect(reports.report('ann', 'speaker', 400)).toBe(true);
    reports.forget('ann');
    expect(reports.current.size).toBe(0);
    expect(reports.report('ann', 'speaker', 400)).toBe(true);
  });
});
