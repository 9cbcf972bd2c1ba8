import { describe, expect, test } from 'vitest';
import { lifetimeOf, renewalDelayMs, TicketRenewal, type RenewalOutcome } from './ticket-renewal.js';
import type { TimerClock } from '../timer-clock.js';

/** A clock that moves only when told, running the timers that fall due on the way. */
function fakeClock() {
  let now = 0;
  let timers: Array<{ at: number; callback: () => void; id: number }> = [];
  let nextId = 0;
  const clock: TimerClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      nextId += 1;
      timers.push({ at: now + ms, callback, id: nextId });
      return nextId;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((timer) => timer.id !== handle);
    },
  };
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    clock,
    pending: () => timers.length,
    async advanceTo(target: number): Promise<void> {
      for (;;) {
        const due = timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        now = due.at;
        due.callback();
        await settle();
      }
      now = target;
    },
  };
}

describe('renewal timing', () => {
  test('the first renewal falls at two thirds of the shorter lifetime, on the client’s own clock', () => {
    const lifetime = lifetimeOf(10_000, [600, 300]);
    expect(lifetime.expiresAtMs).toBe(310_000);
    expect(renewalDelayMs(lifetime, 10_000, 0)).toBe(200_000);
    expect(renewalDelayMs(lifetime, 250_000, 0)).toBe(0);
  });

  test('retries back off, but before expiry never wait past half of what is left', () => {
    const lifetime = lifetimeOf(0, [600]);
    expect([1, 2, 3, 4, 5, 9].map((failures) => renewalDelayMs(lifetime, 400_000, failures))).toEqual([1000, 2000, 5000, 10_000, 30_000, 30_000]);
    expect(renewalDelayMs(lifetime, 590_000, 5)).toBe(5000);
    expect(renewalDelayMs(lifetime, 599_900, 5)).toBe(250);
    expect(renewalDelayMs(lifetime, 700_000, 5)).toBe(30_000);
  });
});

describe('TicketRenewal', () => {
  function renewalWith(outcomes: Array<(now: number) => RenewalOutcome>) {
    const time = fakeClock();
    const attempts: number[] = [];
    const reports: boolean[] = [];
    const renewal = new TicketRenewal({
      clock: time.clock,
      renew: async () => {
        attempts.push(time.clock.now());
        const next = outcomes.shift();
        if (!next) throw new Error('no more answers');
        return next(time.clock.now());
      },
      failing: (failed) => reports.push(failed),
    });
    return { time, attempts, reports, renewal };
  }

  test('renews before each expiry, following the lifetime of the credentials it got', async () => {
    const { time, attempts, reports, renewal } = renewalWith([(now) => ({ kind: 'renewed', lifetime: lifetimeOf(now, [6]) }), (now) => ({ kind: 'renewed', lifetime: lifetimeOf(now, [6]) })]);
    renewal.start(lifetimeOf(0, [6]));
    await time.advanceTo(12_000);
    expect(attempts).toEqual([4000, 8000, 12_000]);
    expect(reports).toEqual([]);
    renewal.stop();
  });

  test('a failing renewal is retried with backoff and reported once the credentials expired, and cleared by a later success', async () => {
    const failed = (): RenewalOutcome => ({ kind: 'failed' });
    const { time, attempts, reports, renewal } = renewalWith([failed, failed, failed, failed, failed, (now) => ({ kind: 'renewed', lifetime: lifetimeOf(now, [600]) })]);
    renewal.start(lifetimeOf(0, [6]));
    await time.advanceTo(5900);
    expect(attempts).toEqual([4000, 5000, 5500, 5750]);
    expect(reports).toEqual([]);
    await time.advanceTo(6400);
    expect(attempts).toEqual([4000, 5000, 5500, 5750, 6000]);
    expect(reports).toEqual([true]);
    await time.advanceTo(40_000);
    expect(attempts).toEqual([4000, 5000, 5500, 5750, 6000, 36_000]);
    expect(reports).toEqual([true, false]);
    renewal.stop();
  });

  test('a refusal is reported at once and not retried; stop cancels what is scheduled', async () => {
    const { time, attempts, reports, renewal } = renewalWith([() => ({ kind: 'refused' })]);
    renewal.start(lifetimeOf(0, [600]));
    await time.advanceTo(400_000);
    expect(attempts).toEqual([400_000]);
    expect(reports).toEqual([true]);
    expect(time.pending()).toBe(0);
    renewal.start(lifetimeOf(400_000, [600]));
    expect(reports).toEqual([true, false]);
    renewal.stop();
    expect(time.pending()).toBe(0);
  });

  test('an attempt still in flight when the call stops changes nothing afterwards', async () => {
    const time = fakeClock();
    let answer: (outcome: RenewalOutcome) => void = () => undefined;
    const reports: boolean[] = [];
    const renewal = new TicketRenewal({ clock: time.clock, renew: () => new Promise((resolve) => (answer = resolve)), failing: (failed) => reports.push(failed) });
    renewal.start(lifetimeOf(0, [6]));
    await time.advanceTo(4000);
    renewal.stop();
    answer({ kind: 'refused' });
    await time.advanceTo(20_000);
    expect(reports).toEqual([]);
    expect(time.pending()).toBe(0);
  });
});
