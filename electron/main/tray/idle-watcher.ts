import type { PowerMonitor } from 'electron';
import type { Unsubscribe } from '../../../shared/bridge.js';

/** How often idle time is sampled: away may show up to this late, which is fine for a presence dot. */
export const IDLE_POLL_MS = 15_000;

export type IdleSignal = 'user-idle' | 'user-active' | 'screen-locked' | 'screen-unlocked';

/**
 * Turns powerMonitor's idle time and lock events into presence inputs.
 * Idle time is polled (Electron has no idle event) and reported only on
 * change, so the tray is not rebuilt every sample.
 */
export function watchIdle(
  powerMonitor: Pick<PowerMonitor, 'getSystemIdleTime' | 'on' | 'removeListener'>,
  idleThresholdSeconds: number,
  emit: (signal: IdleSignal) => void,
): Unsubscribe {
  let idle = false;
  const sample = () => {
    const nowIdle = powerMonitor.getSystemIdleTime() >= idleThresholdSeconds;
    if (nowIdle === idle) return;
    idle = nowIdle;
    emit(nowIdle ? 'user-idle' : 'user-active');
  };
  const locked = () => emit('screen-locked');
  const unlocked = () => {
    idle = false;
    emit('screen-unlocked');
  };
  powerMonitor.on('lock-screen', locked);
  powerMonitor.on('unlock-screen', unlocked);
  const timer = setInterval(sample, IDLE_POLL_MS);
  return () => {
    clearInterval(timer);
    powerMonitor.removeListener('lock-screen', locked);
    powerMonitor.removeListener('unlock-screen', unlocked);
  };
}
