import type { TimerClock } from '../timer-clock.js';
import type { Substream } from './simulcast.js';

/**
 * Two substream switches on one stream closer than about 300 ms can leave
 * the second stuck until the next periodic keyframe (measured, see the
 * testbed notes): keep them at least this far apart.
 */
export const MIN_SWITCH_INTERVAL_MS = 350;

interface StreamPace {
  current: Substream | null;
  lastSwitchAt: number;
  pending: Substream | null;
  timer: unknown;
}

/**
 * Applies layer choices per stream, at most one switch per interval; a
 * choice made while waiting replaces the waiting one, so only the latest
 * is sent.
 */
export class LayerPacer {
  private readonly streams = new Map<string, StreamPace>();

  /**
   * @param startLayer What a new stream carries before any switch (Janus starts subscriptions on the top
   *   substream): a wish for it sends nothing. Asking for it anyway makes Janus wait for a fresh keyframe
   *   on a stream that has not shown its first frame yet, measured at about 100 ms more to the first frame.
   */
  constructor(
    private readonly apply: (mid: string, layer: Substream) => void,
    private readonly clock: TimerClock,
    private readonly minIntervalMs = MIN_SWITCH_INTERVAL_MS,
    private readonly startLayer: Substream | null = null,
  ) {}

  request(mid: string, layer: Substream): void {
    const pace = this.streams.get(mid) ?? { current: this.startLayer, lastSwitchAt: -Infinity, pending: null, timer: null };
    this.streams.set(mid, pace);
    if (pace.timer !== null) {
      pace.pending = layer;
      return;
    }
    if (pace.current === layer) return;
    const wait = pace.lastSwitchAt + this.minIntervalMs - this.clock.now();
    if (wait <= 0) {
      this.switchNow(mid, pace, layer);
      return;
    }
    pace.pending = layer;
    pace.timer = this.clock.setTimeout(() => {
      pace.timer = null;
      const next = pace.pending;
      pace.pending = null;
      if (next !== null && next !== pace.current) this.switchNow(mid, pace, next);
    }, wait);
  }

  /** The layer last sent for a stream, or null. */
  current(mid: string): Substream | null {
    return this.streams.get(mid)?.current ?? null;
  }

  /** Forgets a stream (unsubscribed), or every stream (a new subscription starts at Janus's default). */
  forget(mid?: string): void {
    for (const [key, pace] of this.streams) {
      if (mid !== undefined && key !== mid) continue;
      if (pace.timer !== null) this.clock.clearTimeout(pace.timer);
      this.streams.delete(key);
    }
  }

  private switchNow(mid: string, pace: StreamPace, layer: Substream): void {
    pace.current = layer;
    pace.lastSwitchAt = this.clock.now();
    this.apply(mid, layer);
  }
}
