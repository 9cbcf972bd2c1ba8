import type { TimerClock } from '../timer-clock.js';
import type { JanusEndpoint } from './session-contract.js';

/** What a warm start keeps of its parts: the socket's end, to prepare again, and how to close them when unused. */
export interface Preparable {
  readonly janus: { readonly closed: Promise<void> };
}

export interface WarmStartOptions<Parts extends Preparable> {
  /** The node and the ICE configuration to prepare for; null when nothing can be prepared (a control plane decides both at the join). */
  readonly target: () => Promise<{ readonly endpoint: JanusEndpoint; readonly rtc: RTCConfiguration } | null>;
  readonly open: (endpoint: JanusEndpoint, rtc: RTCConfiguration) => Promise<Parts>;
  readonly close: (parts: Parts) => Promise<void>;
  readonly clock: TimerClock;
  readonly warn: (message: string) => void;
}

/** A lobby left open after the node restarted, or before it was up, tries again this often. */
export const PREPARE_RETRY_MS = 5000;

/** What a join takes over: the ICE configuration the parts were made with, and the parts once open on its node. */
export interface WarmClaim<Parts> {
  readonly rtc: RTCConfiguration;
  /** The parts, when they were opened on this endpoint with the same credentials; otherwise they are closed and null comes back. */
  partsFor(endpoint: JanusEndpoint): Promise<Parts | null>;
  /** The join did not get as far as using the parts: they are closed. */
  release(): void;
}

interface Prepared<Parts> {
  readonly key: string;
  readonly rtc: RTCConfiguration;
  readonly parts: Promise<Parts | null>;
}

function endpointKey({ url, credentials }: JanusEndpoint): string {
  return JSON.stringify([new URL(url).href, credentials.token ?? null, credentials.apiSecret ?? null]);
}

/**
 * The warm join: while the lobby is open, a call session's parts (the Janus session and its handles, the camera's
 * offer with candidates gathered, the subscription's connection) are made ahead on the node the call will use,
 * so that the Join click costs the room, the publish and the subscription only. Janus keep-alives hold the
 * session open however long the lobby waits; a socket that closes meanwhile is prepared again. A join on another
 * node or with other credentials closes them and starts cold.
 */
export class WarmStart<Parts extends Preparable> {
  private prepared: Prepared<Parts> | null = null;
  private retryTimer: unknown = null;
  /** Bumped by every prepare and claim: a target found for an older one is not prepared. */
  private generation = 0;

  constructor(private readonly options: WarmStartOptions<Parts>) {}

  /** Prepares the parts, unless some are prepared or being prepared already. */
  prepare(): void {
    if (this.prepared || this.retryTimer !== null) return;
    const generation = ++this.generation;
    void this.options.target().then(
      (target) => {
        if (target && generation === this.generation) this.keep(target.endpoint, target.rtc);
      },
      (error: unknown) => this.options.warn(`nothing prepared for the join: ${String(error)}`),
    );
  }

  /** Hands the prepared parts (or those being prepared) to a join; null when there are none. */
  claim(): WarmClaim<Parts> | null {
    this.cancelRetry();
    this.generation += 1;
    const prepared = this.prepared;
    this.prepared = null;
    if (!prepared) return null;
    const release = () => void prepared.parts.then((parts) => parts && this.options.close(parts));
    return {
      rtc: prepared.rtc,
      partsFor: async (endpoint) => {
        if (endpointKey(endpoint) === prepared.key) return prepared.parts;
        release();
        return null;
      },
      release,
    };
  }

  private keep(endpoint: JanusEndpoint, rtc: RTCConfiguration): void {
    const parts = this.options.open(endpoint, rtc).then(
      (opened) => {
        void opened.janus.closed.then(() => this.lost(prepared));
        return opened;
      },
      (error: unknown) => {
        this.options.warn(`the join could not be prepared: ${String(error)}`);
        this.lost(prepared);
        return null;
      },
    );
    const prepared: Prepared<Parts> = { key: endpointKey(endpoint), rtc, parts };
    this.prepared = prepared;
  }

  /** The prepared socket closed (or never opened) while still unclaimed: prepare again a little later. */
  private lost(prepared: Prepared<Parts>): void {
    if (this.prepared !== prepared) return;
    this.prepared = null;
    void prepared.parts.then((parts) => parts && this.options.close(parts));
    this.retryTimer = this.options.clock.setTimeout(() => {
      this.retryTimer = null;
      this.prepare();
    }, PREPARE_RETRY_MS);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) this.options.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
