import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { SyncStatusStore } from './sync-status.js';

/** A document joining a room on a transport. */
export interface DocumentRoom {
  /** The room's name, namespaced per kind of document (`confer-board:…`, `confer-annotations:…`). */
  readonly name: string;
  readonly doc: Y.Doc;
  /** Owned by the document's sync, not by a transport, so that a second transport carries the same cursors. */
  readonly awareness: Awareness;
  /** Where the transport reports its signaling state, its peers and any peer it refused. */
  readonly status: SyncStatusStore;
  /** Names the document in logs: "Board", "Annotations". */
  readonly label: string;
}

export interface TransportConnection {
  /** Leaves the room. Resolves once the room may be joined again, which y-webrtc allows only asynchronously. */
  destroy(): Promise<void>;
}

/**
 * What a document needs from a transport: connect it to a room, report
 * status and peers, carry its updates and awareness, and let go. y-webrtc
 * is one; board and annotation code never name a transport.
 */
export interface DocumentTransport {
  connect(room: DocumentRoom): TransportConnection;
}
