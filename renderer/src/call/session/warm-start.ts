import type { TimerClock } from '../timer-clock.js';
import type { JanusEndpoint } from './session-contract.js';

/** What a warm start keeps of its parts: the socket's end, to prepare again, and how to close them when unused. */
export interface Preparable {
  readonly janus: { readonly closed: Promise<void> };
}

export interface WarmStartOptions<Parts extends Preparable> {
  /** The node a join of the lobby's room will use; null when nothing can be prepared (a control plane's ticket decides it at the join). */
  readonly node: (room: string) => JanusEndpoint | null;
  readonly rtc: () => Promise<RTCConfiguration>;
  readonly open: (endpoint: JanusEndpoint, rtc: RTCConfiguration) => Promise<Parts>;
  readonly close: (parts: Parts) => Promise<void>;
  readonly clock: TimerClock;
  readonly warn: (message: string) => void;
}

/** A lobby left open after the node restarted, or before it was up, tries again this often. */
export const PREPARE_RETRY_MS = 5000;
/** A room name being typed ranks other nodes first at many keystrokes: parts move to another node once the name rests this long. */
export const RETARGET_SETTLE_MS = 400;

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
 * so that the Join click costs the room, the publish and the subscription only. With several nodes that is the
 * node the lobby's room ranks first, where the room lives unless that node is down. Janus keep-alives hold the
 * session open however long the lobby waits; a socket that closes meanwhile is prepared again. A join on another
 * node or with other credentials closes them and starts cold.
 */
export class WarmStart<Parts extends Preparable> {
  private prepared: Prepared<Parts> | null = null;
  /** The room the lobby shows. */
  private room = '';
  /** The lobby has its media: parts are kept ready until a join claims them. */
  private active = false;
  /** A retry after a lost socket, or a move to another node once the room name rests. */
  private timer: unknown = null;
  /** Bumped by every refresh and claim: ICE servers resolved for an older one prepare nothing. */
  private generation = 0;

  constructor(private readonly options: WarmStartOptions<Parts>) {}

  /** Prepares the parts for the lobby's room, unless they are prepared or being prepared already. */
  prepare(): void {
    this.active = true;
    if (this.timer === null) this.refresh();
  }

  /** The lobby's room changed: parts on another node than its own move there once the name rests. */
  aim(room: string): void {
    this.room = room;
    if (!this.active || (this.prepared && this.prepared.key === this.keyFor(room))) return;
    this.cancelTimer();
    if (!this.prepared) return this.refresh();
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, RETARGET_SETTLE_MS);
  }

  /** Hands the prepared parts (or those being prepared) to a join; null when there are none. */
  claim(): WarmClaim<Parts> | null {
    this.active = false;
    this.cancelTimer();
    this.generation += 1;
    const prepared = this.prepared;
    this.prepared = null;
    if (!prepared) return null;
    const release = () => this.close(prepared);
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

  private keyFor(room: string): string | null {
    const endpoint = this.options.node(room);
    return endpoint && endpointKey(endpoint);
  }

  /** Makes the prepared parts those of the lobby's room's node: kept when they are, replaced when not. */
  private refresh(): void {
    const endpoint = this.options.node(this.room);
    if (this.prepared && endpoint && this.prepared.key === endpointKey(endpoint)) return;
    if (this.prepared) this.close(this.prepared);
    this.prepared = null;
    if (!endpoint) return;
    const generation = ++this.generation;
    void this.options.rtc().then(
      (rtc) => {
        if (generation === this.generation && this.active) this.keep(endpoint, rtc);
      },
      (error: unknown) => this.options.warn(`nothing prepared for the join: ${String(error)}`),
    );
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

  private close(prepared: Prepared<Parts>): void {
    void prepared.parts.then((parts) => parts && this.options.close(parts));
  }

  /** The prepared socket closed (or never opened) while still unclaimed: prepare again a little later. */
  private lost(prepared: Prepared<Parts>): void {
    if (this.prepared !== prepared) return;
    this.prepared = null;
    this.close(prepared);
    this.cancelTimer();
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, PREPARE_RETRY_MS);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
