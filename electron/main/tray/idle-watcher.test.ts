import { EventEmitter } from 'node:events';
import type { PowerMonitor } from 'electron';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { initialPresence, presenceIcon, reducePresence } from './presence-state.js';
import { IDLE_POLL_MS, watchIdle, type IdleSignal } from './idle-watcher.js';

/** powerMonitor's idle clock and lock events, driven by the test. */
class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime = () => this.idleSeconds;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('idle watcher', () => {
  test('reports idle once past the threshold and active when input returns, feeding the tray state', () => {
    const monitor = new FakePowerMonitor();
    const signals: IdleSignal[] = [];
    const stop = watchIdle(monitor as unknown as PowerMonitor, 300, (signal) => signals.push(signal));
    let state = initialPresence;
    const feed = () => {
      for (const type of signals.splice(0)) state = reducePresence(state, { type });
    };

    monitor.idleSeconds = 299;
    vi.advanceTimersByTime(IDLE_POLL_MS);
    feed();
    expect(presenceIcon(state)).toBe('available');

    monitor.idleSeconds = 300;
    vi.advanceTimersByTime(IDLE_POLL_MS * 3);
    expect(signals).toEqual(['user-idle']);
    feed();
    expect(presenceIcon(state)).toBe('away');

    monitor.idleSeconds = 2;
    vi.advanceTimersByTime(IDLE_POLL_MS);
    feed();
    expect(presenceIcon(state)).toBe('available');

    stop();
    monitor.idleSeconds = 1000;
    vi.advanceTimersByTime(IDLE_POLL_MS * 2);
    expect(signals).toEqual([]);
  });

  test('forwards lock and unlock, and stops listening when stopped', () => {
    const monitor = new FakePowerMonitor();
    const signals: IdleSignal[] = [];
    const stop = watchIdle(monitor as unknown as PowerMonitor, 300, (signal) => signals.push(signal));
    monitor.emit('lock-screen');
    monitor.emit('unlock-screen');
    expect(signals).toEqual(['screen-locked', 'screen-unlocked']);
    stop();
    monitor.emit('lock-screen');
    expect(signals).toHaveLength(2);
    expect(monitor.listenerCount('lock-screen')).toBe(0);
  });
});
