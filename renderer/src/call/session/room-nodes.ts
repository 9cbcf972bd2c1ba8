import type { NodeState } from '../../../../shared/control/node-order.js';
import { rankNodes } from '../../../../shared/control/node-order.js';
import { janusNodesOf, type RuntimeConfig } from '../../../../shared/config/runtime-config.js';
import { openJanusSession } from '../janus/janus-session.js';
import type { IdKind } from '../janus/room-ids.js';
import { VideoRoomHandle } from '../janus/videoroom-handle.js';
import { timeLimit } from '../time-limit.js';
import { findRoom } from './room-entry.js';
import { placeRoom } from './room-placement.js';
import type { JanusEndpoint } from './session-contract.js';

/**
 * A live Janus answers a probe's few requests in milliseconds; one slower
 * than this is taken for down, so a hung node cannot hold up a failover
 * (the room is placed within this time even when a node never answers).
 */
export const PROBE_TIMEOUT_MS = 2000;

/** Cleaning up after a probe must not linger on a node that stopped answering. */
const PROBE_CLEANUP_MS = 1000;

/**
 * Asks one node whether it answers and holds the room: a session of its
 * own, one `exists` (learning the kind of ids it takes as a join would),
 * then the session is destroyed. Any failure or a late answer reads as down.
 */
export async function probeRoomNode(endpoint: JanusEndpoint, room: string, preferredKind: IdKind, warn: (message: string) => void, timeoutMs = PROBE_TIMEOUT_MS): Promise<NodeState> {
  const opening = openJanusSession(endpoint.url, endpoint.credentials, warn);
  const asking = opening.then(async (janus): Promise<NodeState> => {
    try {
      const handle = await VideoRoomHandle.attach(janus.session, warn);
      return { live: true, hasRoom: (await findRoom(handle, room, preferredKind)).exists };
    } finally {
      void timeLimit(janus.session.destroy(), PROBE_CLEANUP_MS, () => new Error('no answer'))
        .catch(() => undefined)
        .finally(() => void janus.close().catch(() => undefined));
    }
  });
  try {
    return await timeLimit(asking, timeoutMs, () => new Error('no answer'));
  } catch {
    void opening.then((janus) => janus.close()).catch(() => undefined);
    return { live: false };
  }
}

/**
 * The Janus nodes of the configuration and the one the call is on. With a
 * single node there is nothing to choose; with several, each join and each
 * rejoin places the room anew (room-placement.ts), so a rejoin after the
 * node died lands where the others of the room land.
 */
export class RoomNodes {
  private nodes: readonly string[];
  /** One object for every session of the call: a renewed token replaces its token, and every open socket sends it from then on. */
  private readonly credentials: { token?: string | undefined; readonly apiSecret?: string | undefined };
  /** The node the current (or last) session of the call uses. */
  private node: string;
  /** Nodes this call saw fail while they still answered (media broken): placing skips them until the next call. */
  private readonly avoided = new Set<string>();

  constructor(config: RuntimeConfig, private readonly warn: (message: string) => void) {
    this.nodes = janusNodesOf(config);
    this.credentials = { token: config.janusToken, apiSecret: config.janusApiSecret };
    this.node = config.janusUrl;
  }

  /**
   * A control plane's ticket decides: its node, its nodes in the room's
   * order, and a token that node knows. Returns whether the node changed.
   */
  adopt(node: string, nodes: readonly string[], token: string): boolean {
    const moved = node !== this.node;
    this.node = node;
    this.nodes = nodes;
    this.useToken(token);
    return moved;
  }

  /** A renewed token for the current node: the next request on every socket carries it. */
  useToken(token: string): void {
    this.credentials.token = token;
  }

  /** The nodes a room may live on (a ticket's in the room's order). */
  get order(): readonly string[] {
    return this.nodes;
  }

  /** There are other nodes to move a room to. */
  get failover(): boolean {
    return this.nodes.length > 1;
  }

  /** The node the call's sessions are opened on, with the credentials every node takes. */
  get current(): JanusEndpoint {
    return { url: this.node, credentials: this.credentials, watchSilence: this.failover };
  }

  /** The node a room ranks first: where it lives unless that node is down (what `place` finds then). */
  firstFor(room: string): JanusEndpoint {
    return { ...this.current, url: rankNodes(room, this.nodes)[0] ?? this.node };
  }

  /** The current node failed while it still answers: this call does not go back to it. */
  avoidCurrent(): void {
    this.avoided.add(this.node);
  }

  /** A new call trusts every node again. */
  forgetFailures(): void {
    this.avoided.clear();
  }

  /**
   * Finds the room's node and makes it the current one; returns whether
   * that changed it. When no node answers, the room's first node is taken,
   * so that connecting to it says why it cannot be reached.
   */
  async place(room: string, preferredKind: IdKind): Promise<boolean> {
    if (!this.failover) return false;
    const probe = (url: string): Promise<NodeState> =>
      this.avoided.has(url) ? Promise.resolve({ live: false }) : probeRoomNode({ url, credentials: this.credentials }, room, preferredKind, this.warn);
    const placed = await placeRoom(room, this.nodes, probe);
    const node = placed ?? rankNodes(room, this.nodes)[0] ?? this.node;
    const moved = node !== this.node;
    this.node = node;
    return moved;
  }
}
