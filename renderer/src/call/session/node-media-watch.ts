import { Polling } from '../polling.js';
import { initialMediaHealth, nextMediaHealth, type MediaHealthPolicy } from '../quality/media-health.js';

/**
 * Media cut off this long, through the quality loop's ICE restarts (the
 * first after 5 s, then every 5 s), while the node still answers on its
 * WebSocket: its media side is what failed, and with other nodes to go to
 * the room moves on instead of waiting.
 */
export const NODE_MEDIA_POLICY: MediaHealthPolicy = { tellAfterMs: 15_000, retryEveryMs: Number.POSITIVE_INFINITY };

const CHECK_EVERY_MS = 1000;

/** Watches the ICE states of the call's PeerConnections and reports, once, a node whose media stays broken. */
export class NodeMediaWatch {
  private health = initialMediaHealth;
  private readonly polling = new Polling(async () => this.check(), CHECK_EVERY_MS);

  constructor(
    /** The states to judge, or null while there is nothing to judge (the call reconnecting). */
    private readonly iceStates: () => readonly RTCIceConnectionState[] | null,
    private readonly onFailed: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  start(): void {
    this.health = initialMediaHealth;
    this.polling.start();
  }

  stop(): void {
    this.polling.stop();
  }

  /** One look at the states; the polling calls it every second. */
  check(): void {
    const states = this.iceStates();
    if (states === null) {
      this.health = initialMediaHealth;
      return;
    }
    const step = nextMediaHealth(this.health, states, this.now(), NODE_MEDIA_POLICY);
    this.health = step.health;
    if (step.broken) {
      this.health = initialMediaHealth;
      this.onFailed();
    }
  }
}
