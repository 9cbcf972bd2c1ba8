import type { CallStore } from '../call-store.js';
import { realTimerClock, type TimerClock } from '../timer-clock.js';
import { ANNOUNCE_EVERY_MS, LayerDemand, layerWants, parseLayerWants, sameWants, type EncodedTop, type LayerWants } from './dynacast.js';
import type { Substream } from './simulcast.js';

/** What the link needs of the call session on now. */
export interface DynacastSession {
  readonly active: boolean;
  readonly roomChannel: RTCDataChannel | null;
  setCameraLayers(top: EncodedTop): Promise<void>;
}

/**
 * Dynacast in the call: announces, on our camera's data channel, the layer
 * we receive of each camera (none for a camera on no visible tile), hears
 * the others' announcements, and keeps our camera's encodings to the layers
 * someone wants. Announcements repeat every ANNOUNCE_EVERY_MS, so that a
 * newcomer hears them and a lost one heals. Anyone in the room could claim
 * to want every layer: that costs the publisher work, never access.
 */
export class DynacastLink {
  private readonly demand = new LayerDemand();
  private shown = new Map<string, Substream>();
  private sent: LayerWants | null = null;
  private repeatTimer: unknown = null;
  private recheckTimer: unknown = null;
  private everyLayer = false;
  private warned = false;

  /** @param enabled false encodes every layer always (the deployment turned dynacast off) */
  constructor(
    private readonly enabled: boolean,
    private readonly store: CallStore,
    private readonly session: () => DynacastSession | null,
    private readonly warn: (message: string) => void,
    private readonly clock: TimerClock = realTimerClock,
  ) {}

  /** Starts the repeats (the call is up). */
  start(): void {
    this.stopRepeats();
    const repeat = (): void => {
      this.repeatTimer = this.clock.setTimeout(repeat, ANNOUNCE_EVERY_MS);
      this.announce(true);
    };
    this.repeatTimer = this.clock.setTimeout(repeat, ANNOUNCE_EVERY_MS);
  }

  /** The call ended: nothing more is sent, and what was heard is forgotten. */
  stop(): void {
    this.stopRepeats();
    if (this.recheckTimer !== null) this.clock.clearTimeout(this.recheckTimer);
    this.recheckTimer = null;
    this.shown = new Map();
    this.sent = null;
    this.demand.keep(new Set());
  }

  /** A room payload: true when it was a layer announcement, taken here; anything else is for the other readers. */
  receive(data: string): boolean {
    const message = parseLayerWants(data);
    if (!message) return false;
    this.demand.record(message, this.clock.now());
    this.applyDemand();
    return true;
  }

  /** The layer we now receive of each camera on a visible tile, by feed id: announced when it changed. */
  setShown(shown: Map<string, Substream>): void {
    this.shown = shown;
    this.announce(false);
  }

  /** The room changed (someone came or left) or our camera was published again: what to encode may too. */
  roomChanged(): void {
    this.applyDemand();
  }

  /** Our data channel opened: the room hears what we want at once. */
  channelOpened(): void {
    this.announce(true);
  }

  /** While the room records, every layer is encoded: Janus records the top one. */
  keepEveryLayer(on: boolean): void {
    if (on === this.everyLayer) return;
    this.everyLayer = on;
    this.applyDemand();
  }

  private stopRepeats(): void {
    if (this.repeatTimer !== null) this.clock.clearTimeout(this.repeatTimer);
    this.repeatTimer = null;
  }

  /** The other people's cameras (the roster never holds our own feeds). */
  private others(): string[] {
    return Object.values(this.store.getState().roster).flatMap((participant) => (participant.screenOf === null ? [participant.id] : []));
  }

  private announce(always: boolean): void {
    const selfId = this.store.getState().selfId;
    const channel = this.session()?.roomChannel;
    if (!selfId || channel?.readyState !== 'open') return;
    const message = layerWants(selfId, this.others(), this.shown);
    if (!always && sameWants(this.sent, message)) return;
    this.sent = message;
    channel.send(JSON.stringify(message));
  }

  private applyDemand(): void {
    const session = this.session();
    const selfId = this.store.getState().selfId;
    if (!session?.active || !selfId) return;
    const others = this.others();
    this.demand.keep(new Set(others));
    const decision = this.demand.decide(selfId, others, this.clock.now(), this.everyLayer || !this.enabled);
    if (this.recheckTimer !== null) this.clock.clearTimeout(this.recheckTimer);
    this.recheckTimer = decision.recheckInMs === null ? null : this.clock.setTimeout(() => this.applyDemand(), decision.recheckInMs);
    session.setCameraLayers(decision.top).catch((error: unknown) => {
      // A connection closing under the call is not news; say it once in case it is something else.
      if (!this.warned) this.warn(`could not set the camera's layers: ${String(error)}`);
      this.warned = true;
    });
  }
}
