import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { BoardModel } from '../../../shared/board/board-doc.js';
import type { DocumentTransport } from '../sync/document-transport.js';
import { openDocumentSync } from '../sync/document-sync.js';
import type { SyncStatusStore } from '../sync/sync-status.js';
import type { SyncUser } from '../sync/sync-user.js';
import { persistBoard, type BoardStorage } from './board-storage.js';

/** Board rooms live in their own namespace on the signaling server. */
export function boardRoomName(boardId: string): string {
  return `confer-board:${boardId}`;
}

/**
 * An open board: the document, restored from disk and synced with peers,
 * plus this user's undo history and awareness. Drawing code uses the model
 * and never sees the transport.
 */
export interface BoardSession {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly model: BoardModel;
  readonly undo: Y.UndoManager;
  /** Cursors, viewports and selections of everyone on the board. */
  readonly awareness: Awareness;
  readonly storage: BoardStorage;
  readonly syncStatus: SyncStatusStore;
  readonly user: SyncUser;
  /** What the board syncs over: the call's transport, or the one for boards outside a call. */
  readonly transport: DocumentTransport;
  destroy(): Promise<void>;
}

export interface BoardSessionOptions {
  readonly boardId: string;
  readonly transport: DocumentTransport;
  readonly user: SyncUser;
  /** Outlives the session: the call view reads it whichever board is open. */
  readonly syncStatus: SyncStatusStore;
}

export function openBoardSession({ boardId, transport, user, syncStatus }: BoardSessionOptions): BoardSession {
  const doc = new Y.Doc();
  const model = new BoardModel(doc);
  const storage = persistBoard(boardId, doc);
  void storage.restored.then(() => model.stampSchema());
  const sync = openDocumentSync({ transport, room: boardRoomName(boardId), doc, user, label: 'Board', status: syncStatus });

  const undo = model.createUndoManager();
  return {
    boardId,
    doc,
    model,
    undo,
    awareness: sync.awareness,
    storage,
    syncStatus,
    user,
    transport,
    async destroy() {
      undo.destroy();
      const leaving = sync.destroy();
      await storage.destroy();
      await leaving;
      doc.destroy();
    },
  };
}
