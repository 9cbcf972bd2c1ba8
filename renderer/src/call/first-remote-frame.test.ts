import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createCallStore, type CallStore } from './call-store.js';
import { whenFirstRemoteFrame } from './first-remote-frame.js';
import type { Participant } from './participants.js';

// Only identity matters here: the wait never touches the track.
const VIDEO_TRACK = {} as MediaStreamTrack;

function publisher(id: string, videoMuted = false): Participant {
  return { id, displayName: id, publishing: true, talking: false, audioMuted: false, videoMuted, audioMid: '0', screenOf: null };
}

function inCallWith(store: CallStore, ...people: Participant[]): void {
  store.setState({
    phase: 'in-call',
    roster: Object.fromEntries(people.map((person) => [person.id, person])),
    remoteMedia: Object.fromEntries(people.map((person) => [person.id, { audio: null, video: VIDEO_TRACK, videoMid: '1' }])),
  });
}

/** What the stats poll reports for a feed: it no longer decides the wait. */
function decoded(store: CallStore, feedId: string, framesDecoded: number): void {
  store.setState((state) => ({ stats: { ...state.stats, [feedId]: { quality: 'good', layer: 2, framesDecoded, bitrateHistory: [], rttHistory: [] } } }));
}

/** A tile showed the feed's first frame (its video element's requestVideoFrameCallback fired). */
function shown(store: CallStore, feedId: string): void {
  store.setState((state) => ({ remoteVideoShown: { ...state.remoteVideoShown, [feedId]: true } }));
}

/** Whether the promise settled by now, without waiting for it. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('waiting for the first remote frame', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('waits while remote video is expected, and resolves when a frame is decoded', async () => {
    const store = createCallStore();
    inCallWith(store, publisher('bob'));
    const waiting = whenFirstRemoteFrame(store, 4000);
    decoded(store, 'bob', 0);
    expect(await settled(waiting)).toBe(false);
    shown(store, 'bob');
    expect(await settled(waiting)).toBe(true);
  });

  test('our own uplink stats do not count as a remote frame', async () => {
    const store = createCallStore();
    inCallWith(store, publisher('bob'));
    const waiting = whenFirstRemoteFrame(store, 4000);
    shown(store, 'self');
    expect(await settled(waiting)).toBe(false);
  });

  test('does not wait when nobody else publishes video', async () => {
    const store = createCallStore();
    inCallWith(store, publisher('bob', true));
    expect(await settled(whenFirstRemoteFrame(store, 4000))).toBe(true);
  });

  test('stops waiting when the call ends or fails', async () => {
    const store = createCallStore();
    inCallWith(store, publisher('bob'));
    const waiting = whenFirstRemoteFrame(store, 4000);
    store.setState({ phase: 'failed' });
    expect(await settled(waiting)).toBe(true);
  });

  test('a reconnect does not end the wait', async () => {
    const store = createCallStore();
    inCallWith(store, publisher('bob'));
    const waiting = whenFirstRemoteFrame(store, 4000);
    store.setState({ phase: 'reconnecting' });
    expect(await settled(waiting)).toBe(false);
    store.setState({ phase: 'in-call' });
    shown(store, 'bob');
    expect(await settled(waiting)).toBe(true);
  });

  test('frames the stats poll counts do not end the wait: only a frame shown on a tile does', async () => {
    const store = createCallStore();
    inCallWith(store, publisher('bob'));
    const waiting = whenFirstRemoteFrame(store, 4000);
    decoded(store, 'bob', 12);
    expect(await settled(waiting)).toBe(false);
    shown(store, 'bob');
    expect(await settled(waiting)).toBe(true);
  });

  test('a frame shown for a feed the subscription delivers no video for does not count', async () => {
    const store = createCallStore();
    inCallWith(store, publisher('bob'));
    store.setState((state) => ({ remoteMedia: { ...state.remoteMedia, carol: { audio: null, video: null, videoMid: null } } }));
    const waiting = whenFirstRemoteFrame(store, 4000);
    shown(store, 'carol');
    expect(await settled(waiting)).toBe(false);
  });

  test('a feed that never decodes holds the wait only until the cap', async () => {
    const store = createCallStore();
    inCallWith(store, publisher('bob'));
    const waiting = whenFirstRemoteFrame(store, 4000);
    await vi.advanceTimersByTimeAsync(3999);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(waiting)).toBe(true);
  });
});
