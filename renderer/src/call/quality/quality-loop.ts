import { sliceWriter, type CallStore, type QualityState, type SliceWriter } from '../call-store.js';
import { screenFeedsOf } from '../participants.js';
import { Polling } from '../polling.js';
import type { CallSession } from '../session/call-session.js';
import { initialFallbackState, nextFallbackState } from './audio-only-fallback.js';
import { initialBudgetState, nextBudget } from './downlink-budget.js';
import { initialMediaHealth, mediaProblemOf, nextMediaHealth } from './media-health.js';
import type { InboundCounters } from './network-quality.js';
import { readPublisherStats, readSubscriberStats, SELF_STATS } from './stats-monitor.js';

const STATS_INTERVAL_MS = 1000;

/** What the loop measures and acts on: the current session. */
export type MeasuredSession = Pick<
  CallSession,
  'active' | 'params' | 'readStats' | 'feedOfMid' | 'layerOf' | 'iceStates' | 'iceRestarts' | 'setVideoRelay' | 'restartIce'
>;

export interface QualityLoopOptions {
  readonly store: CallStore;
  readonly session: () => MeasuredSession | null;
  /** The downlink budget moved: the subscription's layers should be chosen again. */
  readonly onBudgetChange: () => void;
  readonly warn: (message: string) => void;
}

/**
 * Once a second: reads the stats of the subscription and the camera, keeps
 * the downlink budget, falls back to audio only when the downlink stays too
 * low, and restarts ICE when media stays cut off.
 */
export class QualityLoop {
  private readonly set: SliceWriter<QualityState>;
  private readonly polling = new Polling(() => this.poll(), STATS_INTERVAL_MS);
  private fallback = initialFallbackState;
  private budget = initialBudgetState;
  private health = initialMediaHealth;
  private readonly counters = new Map<string, InboundCounters>();
  /** The session the counters belong to: a new subscription starts counting from zero. */
  private counted: MeasuredSession | null = null;

  constructor(private readonly options: QualityLoopOptions) {
    this.set = sliceWriter<QualityState>(options.store);
  }

  /** The downlink budget in bit/s, or null when nothing limits it. */
  get budgetBps(): number | null {
    return this.budget.budgetBps;
  }

  start(): void {
    this.polling.start();
  }

  /** Stops polling and forgets everything measured. */
  stop(): void {
    this.polling.stop();
    this.fallback = initialFallbackState;
    this.budget = initialBudgetState;
    this.health = initialMediaHealth;
  }

  /** A rejoin starts with healthy media: the old PeerConnections are gone. */
  resetHealth(): void {
    this.health = initialMediaHealth;
  }

  private async poll(): Promise<void> {
    const session = this.options.session();
    if (!session?.active) return;
    if (session !== this.counted) this.counters.clear();
    this.counted = session;
    const reports = await session.readStats();
    if (!reports || session !== this.options.session() || !session.active) return;
    const { stats: previous } = this.options.store.getState();
    const reading = readSubscriberStats(reports.incoming, (mid) => session.feedOfMid(mid), (mid) => session.layerOf(mid), previous, this.counters);
    const stats = { ...reading.feeds, [SELF_STATS]: readPublisherStats(reports.outgoing, previous[SELF_STATS]) };
    const previousBudget = this.budget.budgetBps;
    this.budget = nextBudget(this.budget, reading.downlink);
    // No budget means nothing limits the downlink: as good as unlimited for the fallback.
    const next = nextFallbackState(this.fallback, { budgetBps: this.budget.budgetBps ?? Number.POSITIVE_INFINITY, lossFraction: reading.downlink.lossFraction }, performance.now());
    if (next.audioOnly !== this.fallback.audioOnly) session.setVideoRelay({ camerasPaused: next.audioOnly, screenFeeds: screenFeedsOf(this.options.store.getState().roster) });
    this.fallback = next;
    const health = nextMediaHealth(this.health, session.iceStates(), performance.now());
    this.health = health.health;
    if (health.retry) void session.restartIce().catch((error: unknown) => this.options.warn(`ICE restart failed: ${String(error)}`));
    const mediaProblem = health.broken ? mediaProblemOf(session.params.rtc.iceTransportPolicy === 'relay') : null;
    this.set({ stats, audioOnly: this.fallback.audioOnly, mediaProblem, iceRestarts: session.iceRestarts });
    if (previousBudget !== this.budget.budgetBps) this.options.onBudgetChange();
  }
}
