import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { DocumentTransport } from './document-transport.js';
import { createSyncStatusStore, type SyncStatusStore } from './sync-status.js';
import type { SyncUser } from './sync-user.js';

/** A document synced with its peers: the awareness its transports share, and their status. */
export interface DocumentSync {
  /** Cursors and the like: never in the document. Each kind of document validates its own fields. */
  readonly awareness: Awareness;
  readonly status: SyncStatusStore;
  /** Resolves once the room may be joined again. */
  destroy(): Promise<void>;
}

export interface DocumentSyncOptions {
  readonly transport: DocumentTransport;
  /** The room's name on the transport. */
  readonly room: string;
  readonly doc: Y.Doc;
  readonly user: SyncUser;
  /** Names the document in logs. */
  readonly label: string;
  /** A store that outlives this document (the open board's, read by the call view); a new one by default. */
  readonly status?: SyncStatusStore;
}

/** The one way a board or a share's annotations reach their peers. */
export function openDocumentSync({ transport, room, doc, user, label, status = createSyncStatusStore() }: DocumentSyncOptions): DocumentSync {
  // Destroyed with the document (y-protocols listens for the document's destroy).
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', user);
  const connection = transport.connect({ name: room, doc, awareness, status, label });
  return { awareness, status, destroy: () => connection.destroy() };
}
