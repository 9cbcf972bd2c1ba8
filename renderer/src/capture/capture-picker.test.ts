import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ShellBridge } from '../../../shared/bridge.js';
import type { CaptureChoice, CaptureEnded, CaptureRequested, CaptureSource } from '../../../shared/desktop/capture.js';
import { createCapturePicker, moveSelection, SOURCE_REFRESH_MS } from './capture-picker.js';

const screen = (n: number): CaptureSource => ({ id: `screen:${n}:0`, kind: 'screen', name: `Screen ${n}`, thumbnail: null, appIcon: null, displayId: String(n) });
const window = (n: number): CaptureSource => ({ id: `window:${n}:0`, kind: 'window', name: `Window ${n}`, thumbnail: null, appIcon: null, displayId: '' });

function setup(initialSources: CaptureSource[]) {
  let sources = initialSources;
  let requested: (request: CaptureRequested) => void = () => undefined;
  let ended: (event: CaptureEnded) => void = () => undefined;
  const answers: [string, CaptureChoice | null][] = [];
  const listCaptureSources = vi.fn(async () => sources);
  const bridge: Pick<ShellBridge, 'onCaptureRequested' | 'onCaptureEnded' | 'listCaptureSources' | 'answerCapture'> = {
    onCaptureRequested: (listener) => ((requested = listener), () => undefined),
    onCaptureEnded: (listener) => ((ended = listener), () => undefined),
    listCaptureSources,
    answerCapture: async (requestId, choice) => void answers.push([requestId, choice]),
  };
  const picker = createCapturePicker(bridge);
  return {
    picker,
    answers,
    listCaptureSources,
    setSources: (next: CaptureSource[]) => (sources = next),
    open: (requestId = 'capture-1') => requested({ requestId, audioRequested: true, loopbackAudioSupported: true }),
    end: (event: CaptureEnded) => ended(event),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('capture picker', () => {
  test('opens on a request, lists sources and selects the first screen', async () => {
    const { picker, open } = setup([screen(1), screen(2), window(9)]);
    open();
    await vi.advanceTimersByTimeAsync(0);
    expect(picker.store.getState()).toMatchObject({ tab: 'screen', selectedId: 'screen:1:0' });
    expect(picker.store.getState().sources).toHaveLength(3);
  });

  test('refreshes while open, keeps the selection, and stops refreshing once answered', async () => {
    const { picker, open, setSources, listCaptureSources, answers } = setup([screen(1), window(9)]);
    open();
    await vi.advanceTimersByTimeAsync(0);
    picker.setTab('window');
    expect(picker.store.getState().selectedId).toBe('window:9:0');
    setSources([screen(1), window(8), window(9)]);
    await vi.advanceTimersByTimeAsync(SOURCE_REFRESH_MS);
    expect(picker.store.getState().sources).toHaveLength(3);
    expect(picker.store.getState().selectedId).toBe('window:9:0');
    setSources([screen(1), window(8)]);
    await vi.advanceTimersByTimeAsync(SOURCE_REFRESH_MS);
    expect(picker.store.getState().selectedId).toBe('window:8:0');
    picker.setShareAudio(true);
    await picker.share();
    expect(answers).toEqual([['capture-1', { sourceId: 'window:8:0', shareAudio: true }]]);
    expect(picker.store.getState().request).toBeNull();
    const calls = listCaptureSources.mock.calls.length;
    await vi.advanceTimersByTimeAsync(SOURCE_REFRESH_MS * 3);
    expect(listCaptureSources.mock.calls.length).toBe(calls);
  });

  test('cancel answers with no source', async () => {
    const { picker, open, answers } = setup([screen(1)]);
    open();
    await vi.advanceTimersByTimeAsync(0);
    await picker.cancel();
    expect(answers).toEqual([['capture-1', null]]);
  });

  test('closes when the main process ends the request (timeout, window closed)', async () => {
    const { picker, open, end, answers } = setup([screen(1)]);
    open();
    await vi.advanceTimersByTimeAsync(0);
    end({ requestId: 'capture-1', reason: 'timed-out' });
    expect(picker.store.getState().request).toBeNull();
    await picker.share();
    expect(answers).toEqual([]);
  });

  test('opens on the windows tab when there are no screens to show', async () => {
    const { picker, open } = setup([window(3)]);
    open();
    await vi.advanceTimersByTimeAsync(0);
    expect(picker.store.getState()).toMatchObject({ tab: 'window', selectedId: 'window:3:0' });
  });
});

describe('keyboard navigation', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  test.each([
    [null, 'ArrowRight', 'a'],
    ['a', 'ArrowRight', 'b'],
    ['a', 'ArrowLeft', 'a'],
    ['b', 'ArrowDown', 'e'],
    ['c', 'ArrowDown', 'e'],
    ['e', 'ArrowUp', 'b'],
    ['c', 'Home', 'a'],
    ['a', 'End', 'e'],
    ['c', 'x', 'c'],
  ])('from %s, %s selects %s (3 columns)', (from, key, to) => {
    expect(moveSelection(ids, from, key, 3)).toBe(to);
  });
  test('nothing to select in an empty tab', () => {
    expect(moveSelection([], null, 'ArrowRight', 3)).toBeNull();
  });
});
