import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { retryStalledConnections, STALLED_AFTER_MS, type ConnectionsSource, type NegotiatingConnection } from './stalled-connections.js';

class FakeConnection implements NegotiatingConnection {
  connected = false;
  closed = false;
  destroyed = 0;
  private readonly dataListeners: Array<() => void> = [];
  readonly peer = {
    destroy: () => (this.destroyed += 1),
    once: (_event: 'data', listener: () => void) => this.dataListeners.push(listener),
  };

  /** A message from the other end arrives. */
  receive(): void {
    this.dataListeners.splice(0).forEach((listener) => listener());
  }
}

/** y-webrtc's provider as the module sees it: a room of connections and its `peers` event. */
function fakeProvider() {
  const webrtcConns = new Map<string, FakeConnection>();
  const listeners = new Set<(event: { added: string[] }) => void>();
  const provider: ConnectionsSource = {
    room: { webrtcConns },
    on: (_event, listener) => listeners.add(listener),
    off: (_event, listener) => listeners.delete(listener),
  };
  const add = (peerId: string): FakeConnection => {
    const connection = new FakeConnection();
    webrtcConns.set(peerId, connection);
    for (const listener of listeners) listener({ added: [peerId] });
    return connection;
  };
  return { provider, webrtcConns, add, listenerCount: () => listeners.size };
}

const LATEST = STALLED_AFTER_MS.min + STALLED_AFTER_MS.spread;

describe('stalled connections', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('a connection that never opens is destroyed once its time is up, so y-webrtc starts the pair over', () => {
    const { provider, add } = fakeProvider();
    retryStalledConnections(provider, () => 0.5);
    const stuck = add('peer-b');
    vi.advanceTimersByTime(STALLED_AFTER_MS.min + STALLED_AFTER_MS.spread / 2 - 1);
    expect(stuck.destroyed).toBe(0);
    vi.advanceTimersByTime(1);
    expect(stuck.destroyed).toBe(1);
  });

  test('a connection that delivered a message, or closed by itself, is left alone', () => {
    const { provider, add } = fakeProvider();
    retryStalledConnections(provider);
    const heard = add('peer-b');
    const closed = add('peer-c');
    heard.connected = true;
    heard.receive();
    closed.closed = true;
    vi.advanceTimersByTime(LATEST);
    expect([heard.destroyed, closed.destroyed]).toEqual([0, 0]);
  });

  test('a connection that opened but never delivered a message (both ends initiators after a collision) is destroyed', () => {
    const { provider, add } = fakeProvider();
    retryStalledConnections(provider);
    const silent = add('peer-b');
    silent.connected = true;
    vi.advanceTimersByTime(LATEST);
    expect(silent.destroyed).toBe(1);
  });

  test('a newer connection to the same peer is judged on its own time', () => {
    const { provider, add, webrtcConns } = fakeProvider();
    retryStalledConnections(provider, () => 0);
    const first = add('peer-b');
    vi.advanceTimersByTime(STALLED_AFTER_MS.min - 1000);
    webrtcConns.delete('peer-b');
    const second = add('peer-b');
    vi.advanceTimersByTime(1000);
    expect([first.destroyed, second.destroyed]).toEqual([0, 0]);
    vi.advanceTimersByTime(STALLED_AFTER_MS.min);
    expect(second.destroyed).toBe(1);
  });

  test('after stopping, nothing is destroyed and nothing listens', () => {
    const { provider, add, listenerCount } = fakeProvider();
    const stop = retryStalledConnections(provider);
    const stuck = add('peer-b');
    stop();
    vi.advanceTimersByTime(LATEST);
    expect(stuck.destroyed).toBe(0);
    expect(listenerCount()).toBe(0);
  });
});
