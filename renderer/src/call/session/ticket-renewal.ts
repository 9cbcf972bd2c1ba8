import type { TimerClock } from '../timer-clock.js';

/**
 * When a call renews its control-plane ticket (Janus token and TURN
 * credentials) and what it does when renewing fails: pure timing, and a
 * scheduler over an injected clock. The I/O (POST /renew, switching the
 * token and the ICE servers) is the caller's (control-join.ts).
 */

/**
 * A renewal starts once two thirds of the credentials' lifetime have
 * passed: with the default 600 s that leaves 200 s for retries, and with
 * a test's 5 s still more than a second for the request.
 */
const RENEW_AT_SHARE = 2 / 3;

/** Waits between failed renewals in a row: a blip is retried at once, a longer outage every 30 s. */
export const RENEWAL_RETRY_MS = [1000, 2000, 5000, 10_000, 30_000] as const;

/** A retry before expiry waits at most half of what is left, and never less than this: the last tries still land in time. */
const MIN_RETRY_MS = 250;

/**
 * How long the credentials in hand are good for, on this client's clock:
 * from when the answer arrived, for the shorter of the token's and TURN's
 * `ttl`. Relative times, so a client whose clock is off still renews in time.
 */
export interface CredentialLifetime {
  readonly receivedAtMs: number;
  readonly expiresAtMs: number;
}

export function lifetimeOf(receivedAtMs: number, ttlSeconds: readonly number[]): CredentialLifetime {
  return { receivedAtMs, expiresAtMs: receivedAtMs + Math.min(...ttlSeconds) * 1000 };
}

/** The wait before the next renewal attempt, after `failures` failed ones in a row since these credentials arrived. */
export function renewalDelayMs(lifetime: CredentialLifetime, nowMs: number, failures: number): number {
  if (failures === 0) {
    const due = lifetime.receivedAtMs + (lifetime.expiresAtMs - lifetime.receivedAtMs) * RENEW_AT_SHARE;
    return Math.max(0, due - nowMs);
  }
  const backoff = RENEWAL_RETRY_MS[Math.min(failures, RENEWAL_RETRY_MS.length) - 1] ?? RENEWAL_RETRY_MS[0];
  const left = lifetime.expiresAtMs - nowMs;
  return left > 0 ? Math.min(backoff, Math.max(MIN_RETRY_MS, left / 2)) : backoff;
}

/** What one renewal attempt came to: new credentials, a failure worth retrying, or a refusal no retry changes (the grant expired). */
export type RenewalOutcome = { readonly kind: 'renewed'; readonly lifetime: CredentialLifetime } | { readonly kind: 'failed' } | { readonly kind: 'refused' };

export interface RenewalOptions {
  readonly clock: TimerClock;
  /** Asks for new credentials and switches to them. */
  readonly renew: () => Promise<RenewalOutcome>;
  /**
   * Renewal finally failed (the credentials expired with every attempt
   * failing, or the control plane refused for good): true; a later
   * success: false. The call says so.
   */
  readonly failing: (failed: boolean) => void;
}

/**
 * Renews before the credentials expire, retries with backoff, and reports
 * a failure once they expired without a renewal; retries go on after that,
 * since the call may hold on (Janus drops a session only after its timeout).
 */
export class TicketRenewal {
  private timer: unknown = null;
  /** Bumped by start and stop: an attempt in flight for an older lifetime is dropped. */
  private generation = 0;
  private reported = false;

  constructor(private readonly options: RenewalOptions) {}

  /** Credentials arrived (a join or a rejoin's ticket): renewal follows them from now. */
  start(lifetime: CredentialLifetime): void {
    this.stop();
    this.schedule(lifetime, 0, this.generation);
  }

  stop(): void {
    this.generation += 1;
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    this.report(false);
  }

  private schedule(lifetime: CredentialLifetime, failures: number, generation: number): void {
    const { clock } = this.options;
    this.timer = clock.setTimeout(() => void this.attempt(lifetime, failures, generation), renewalDelayMs(lifetime, clock.now(), failures));
  }

  private async attempt(lifetime: CredentialLifetime, failures: number, generation: number): Promise<void> {
    this.timer = null;
    const outcome = await this.options.renew().catch((): RenewalOutcome => ({ kind: 'failed' }));
    if (generation !== this.generation) return;
    if (outcome.kind === 'renewed') {
      this.report(false);
      this.schedule(outcome.lifetime, 0, generation);
      return;
    }
    if (outcome.kind === 'refused' || this.options.clock.now() >= lifetime.expiresAtMs) this.report(true);
    if (outcome.kind === 'failed') this.schedule(lifetime, failures + 1, generation);
  }

  private report(failed: boolean): void {
    if (failed === this.reported) return;
    this.reported = failed;
    this.options.failing(failed);
  }
}
