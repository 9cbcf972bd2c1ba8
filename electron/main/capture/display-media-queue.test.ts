import type { DesktopCapturer, DesktopCapturerSource, NativeImage, Streams } from 'electron';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CaptureEnded, CaptureRequested } from '../../../shared/desktop/capture.js';
import { isAppUrl } from '../security/app-origin.js';
import { CAPTURE_REQUEST_TIMEOUT_MS, createDisplayMediaQueue, type CaptureOwner, type DisplayMediaQueueOptions } from './display-media-queue.js';

/** The two NativeImage methods the queue calls. */
function image(data: string | null): NativeImage {
  return { isEmpty: () => data === null, toDataURL: () => `data:image/png;base64,${data}` } as Pick<NativeImage, 'isEmpty' | 'toDataURL'> as NativeImage;
}
function source(id: string, name: string, displayId = ''): DesktopCapturerSource {
  return { id, name, display_id: displayId, thumbnail: image('thumb'), appIcon: image(id.startsWith('window') ? 'icon' : null) };
}
const screens = [source('screen:1:0', 'Screen 1', '101'), source('screen:2:0', 'Screen 2', '102'), source('window:42:0', 'Editor')];

/** A window double: records the events sent to it and can be closed. */
class FakeWindow implements CaptureOwner {
  readonly requestedEvents: CaptureRequested[] = [];
  readonly endedEvents: CaptureEnded[] = [];
  private closeListeners = new Set<() => void>();
  readonly frame: { id: number };
  constructor(readonly id: number) {
    this.frame = { id };
  }
  onClosed(listener: () => void) {
    this.closeListeners.add(listener);
    return () => void this.closeListeners.delete(listener);
  }
  requested(event: CaptureRequested) {
    this.requestedEvents.push(event);
  }
  ended(event: CaptureEnded) {
    this.endedEvents.push(event);
  }
  close() {
    for (const listener of [...this.closeListeners]) listener();
  }
  get listeners() {
    return this.closeListeners.size;
  }
}

type Frame = Parameters<DisplayMediaQueueOptions['ownerOf']>[0];
const asFrame = (window: FakeWindow) => window.frame as unknown as Frame;

function setup(overrides: Partial<DisplayMediaQueueOptions> = {}) {
  const windows = [new FakeWindow(1), new FakeWindow(2)] as const;
  const getSources = vi.fn<DesktopCapturer['getSources']>(async () => screens);
  const granted: string[] = [];
  const queue = createDisplayMediaQueue({
    ownerOf: (frame) => windows.find((window) => window.frame === (frame as unknown)) ?? null,
    desktopCapturer: { getSources },
    isAllowedOrigin: isAppUrl,
    useSystemPicker: false,
    loopbackAudioSupported: false,
    onGranted: (chosen) => granted.push(chosen.id),
    ...overrides,
  });
  const results: (Streams | null)[] = [];
  const request = (window: FakeWindow, origin = 'app://confer', audioRequested = false) =>
    queue.handleRequest({ frame: asFrame(window), securityOrigin: origin, audioRequested }, (streams) => results.push(streams));
  return { queue, windows, getSources, results, request, granted };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('display-media request queue', () => {
  test('a request waits with an id, lists sources for its owner and completes with the chosen one', async () => {
    const { queue, windows, results, request, granted } = setup();
    request(windows[0]);
    expect(results).toEqual([]);
    const [opened] = windows[0].requestedEvents;
    expect(opened).toEqual({ requestId: 'capture-1', audioRequested: false, loopbackAudioSupported: false });

    const sources = await queue.listSources(asFrame(windows[0]), 'capture-1');
    expect(sources.map((s) => [s.id, s.kind, s.displayId])).toEqual([
      ['screen:1:0', 'screen', '101'],
      ['screen:2:0', 'screen', '102'],
      ['window:42:0', 'window', ''],
    ]);
    expect(sources[0]).toMatchObject({ thumbnail: 'data:image/png;base64,thumb', appIcon: null });
    expect(sources[2]?.appIcon).toBe('data:image/png;base64,icon');

    queue.answer(asFrame(windows[0]), 'capture-1', { sourceId: 'screen:2:0', shareAudio: false });
    expect(results).toEqual([{ video: { id: 'screen:2:0', name: 'Screen 2' } }]);
    expect(granted).toEqual(['screen:2:0']);
    expect(windows[0].endedEvents).toEqual([{ requestId: 'capture-1', reason: 'answered' }]);
    expect(queue.pendingCount).toBe(0);
    expect(windows[0].listeners).toBe(0);
  });

  test('a cancelled picker rejects the request', async () => {
    const { queue, windows, results, request } = setup();
    request(windows[0]);
    queue.answer(asFrame(windows[0]), 'capture-1', null);
    expect(results).toEqual([null]);
  });

  test('another window may neither list sources nor answer', async () => {
    const { queue, windows, results, request, getSources } = setup();
    request(windows[0]);
    await expect(queue.listSources(asFrame(windows[1]), 'capture-1')).rejects.toThrow(/only the window/);
    expect(() => queue.answer(asFrame(windows[1]), 'capture-1', null)).toThrow(/only the window/);
    expect(getSources).not.toHaveBeenCalled();
    expect(results).toEqual([]);
    expect(queue.pendingCount).toBe(1);
  });

  test('an answer must name a source that was offered', async () => {
    const { queue, windows, results, request } = setup();
    request(windows[0]);
    expect(() => queue.answer(asFrame(windows[0]), 'capture-1', { sourceId: 'screen:1:0', shareAudio: false })).toThrow(/not offered/);
    await queue.listSources(asFrame(windows[0]), 'capture-1');
    expect(() => queue.answer(asFrame(windows[0]), 'capture-1', { sourceId: 'window:999:0', shareAudio: false })).toThrow(/not offered/);
    expect(results).toEqual([]);
  });

  test('an unknown or finished request is refused', async () => {
    const { queue, windows, request } = setup();
    await expect(queue.listSources(asFrame(windows[0]), 'capture-7')).rejects.toThrow(/no pending/);
    request(windows[0]);
    queue.answer(asFrame(windows[0]), 'capture-1', null);
    expect(() => queue.answer(asFrame(windows[0]), 'capture-1', null)).toThrow(/no pending/);
  });

  test('the request is rejected after the timeout and the picker is told', () => {
    const { queue, windows, results, request } = setup();
    request(windows[0]);
    vi.advanceTimersByTime(CAPTURE_REQUEST_TIMEOUT_MS - 1);
    expect(results).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(results).toEqual([null]);
    expect(windows[0].endedEvents).toEqual([{ requestId: 'capture-1', reason: 'timed-out' }]);
    expect(queue.pendingCount).toBe(0);
  });

  test('closing the owning window rejects its request and only its request', () => {
    const { queue, windows, results, request } = setup();
    request(windows[0]);
    request(windows[1]);
    windows[0].close();
    expect(results).toEqual([null]);
    expect(queue.pendingCount).toBe(1);
    vi.advanceTimersByTime(CAPTURE_REQUEST_TIMEOUT_MS);
    expect(results).toEqual([null, null]);
  });

  test('a second request from the same window supersedes the first', () => {
    const { queue, windows, results, request } = setup();
    request(windows[0]);
    request(windows[0]);
    expect(results).toEqual([null]);
    expect(windows[0].endedEvents).toEqual([{ requestId: 'capture-1', reason: 'superseded' }]);
    expect(queue.pendingCount).toBe(1);
  });

  test.each([
    ['another origin', 'https://evil.example'],
    ['a look-alike host', 'app://confer.evil'],
    ['an empty origin', ''],
  ])('refuses a request from %s without asking anyone', (_label, origin) => {
    const { queue, windows, results, request } = setup();
    request(windows[0], origin);
    expect(results).toEqual([null]);
    expect(windows[0].requestedEvents).toEqual([]);
    expect(queue.pendingCount).toBe(0);
  });

  test('refuses a frame that belongs to no window of ours', () => {
    const { queue, results } = setup();
    queue.handleRequest({ frame: null, securityOrigin: 'app://confer', audioRequested: false }, (streams) => results.push(streams));
    expect(results).toEqual([null]);
  });

  test('never adds system audio to a request that did not ask for audio', async () => {
    const { queue, windows, results, request } = setup({ loopbackAudioSupported: true });
    request(windows[0], 'app://confer', false);
    await queue.listSources(asFrame(windows[0]), 'capture-1');
    queue.answer(asFrame(windows[0]), 'capture-1', { sourceId: 'screen:1:0', shareAudio: true });
    expect(results).toEqual([{ video: { id: 'screen:1:0', name: 'Screen 1' } }]);
  });

  test('shares system audio only where loopback capture exists', async () => {
    for (const loopbackAudioSupported of [true, false]) {
      const { queue, windows, results, request } = setup({ loopbackAudioSupported });
      request(windows[0], 'app://confer', true);
      await queue.listSources(asFrame(windows[0]), 'capture-1');
      queue.answer(asFrame(windows[0]), 'capture-1', { sourceId: 'window:42:0', shareAudio: true });
      expect(results[0]?.audio).toBe(loopbackAudioSupported ? 'loopback' : undefined);
    }
  });

  test('with the system picker (Wayland) the portal’s choice is granted without our picker', async () => {
    const { windows, results, request, getSources } = setup({ useSystemPicker: true });
    getSources.mockResolvedValueOnce([source('screen:77:0', 'Portal screen', '')]);
    request(windows[0]);
    await vi.waitFor(() => expect(results).toEqual([{ video: { id: 'screen:77:0', name: 'Portal screen' } }]));
    expect(windows[0].requestedEvents).toEqual([]);
    getSources.mockResolvedValueOnce([]);
    request(windows[0]);
    await vi.waitFor(() => expect(results).toHaveLength(2));
    expect(results[1]).toBeNull();
  });
});
