import { describe, expect, test } from 'vitest';
import { LayerPacer } from './layer-pacer.js';
import type { Substream } from './simulcast.js';

function fakeClock() {
  let now = 0;
  const timers: Array<{ at: number; callback: () => void; handle: number }> = [];
  return {
    clock: {
      now: () => now,
      setTimeout: (callback: () => void, ms: number) => {
        const handle = timers.length + 1;
        timers.push({ at: now + ms, callback, handle });
        return handle;
      },
      clearTimeout: (handle: unknown) => {
        const index = timers.findIndex((timer) => timer.handle === handle);
        if (index >= 0) timers.splice(index, 1);
      },
    },
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((candidate) => candidate.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.callback();
      }
    },
  };
}

describe('LayerPacer', () => {
  test('sends the first switch at once and repeats nothing', () => {
    const { clock } = fakeClock();
    const sent: Array<[string, Substream]> = [];
    const pacer = new LayerPacer((mid, layer) => sent.push([mid, layer]), clock, 300);
    pacer.request('v1', 2);
    pacer.request('v1', 2);
    expect(sent).toEqual([['v1', 2]]);
  });

  test('keeps switches on one stream at least the interval apart and sends only the latest wish', () => {
    const time = fakeClock();
    const sent: Array<[string, Substream]> = [];
    const pacer = new LayerPacer((mid, layer) => sent.push([mid, layer]), time.clock, 300);
    pacer.request('v1', 2);
    time.advance(100);
    pacer.request('v1', 0);
    pacer.request('v1', 1);
    expect(sent).toEqual([['v1', 2]]);
    time.advance(199);
    expect(sent).toHaveLength(1);
    time.advance(1);
    expect(sent).toEqual([['v1', 2], ['v1', 1]]);
  });

  test('paces each stream on its own', () => {
    const time = fakeClock();
    const sent: Array<[string, Substream]> = [];
    const pacer = new LayerPacer((mid, layer) => sent.push([mid, layer]), time.clock, 300);
    pacer.request('v1', 2);
    pacer.request('v2', 0);
    expect(sent).toEqual([['v1', 2], ['v2', 0]]);
  });

  test('a wish back to the current layer while waiting cancels the pending switch', () => {
    const time = fakeClock();
    const sent: Array<[string, Substream]> = [];
    const pacer = new LayerPacer((mid, layer) => sent.push([mid, layer]), time.clock, 300);
    pacer.request('v1', 2);
    pacer.request('v1', 0);
    pacer.request('v1', 2);
    time.advance(300);
    expect(sent).toEqual([['v1', 2]]);
  });

  test('a new stream already on the start layer sends nothing for it, and switches away at once', () => {
    const { clock } = fakeClock();
    const sent: Array<[string, Substream]> = [];
    const pacer = new LayerPacer((mid, layer) => sent.push([mid, layer]), clock, 350, 2);
    pacer.request('1', 2);
    expect(sent).toEqual([]);
    expect(pacer.current('1')).toBe(2);
    pacer.request('2', 0);
    expect(sent).toEqual([['2', 0]]);
  });
});
