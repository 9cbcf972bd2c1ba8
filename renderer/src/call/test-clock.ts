import type { TimerClock } from './timer-clock.js';

/** A clock for tests whose time moves only when the test says so; due timers run in order. */
export function manualClock() {
  let now = 0;
  let timers: { at: number; callback: () => void }[] = [];
  const clock: TimerClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const timer = { at: now + ms, callback };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => void (timers = timers.filter((timer) => timer !== handle)),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (let next = timers.find((timer) => timer.at <= until); next; next = timers.find((timer) => timer.at <= until)) {
      timers = timers.filter((timer) => timer !== next);
      now = next.at;
      next.callback();
    }
    now = until;
  };
  return { clock, advance };
}
