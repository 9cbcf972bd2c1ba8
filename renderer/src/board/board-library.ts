import { createStore } from 'zustand/vanilla';
import type { DocumentTransport } from '../sync/document-transport.js';
import { createSyncStatusStore } from '../sync/sync-status.js';
import { userNamed } from '../sync/sync-user.js';
import { createBoardCatalog, type CatalogEntry, type CatalogStorage } from './board-catalog.js';
import { openBoardSession, type BoardSession } from './board-session.js';
import { deleteStoredBoard } from './board-storage.js';

export interface BoardLibraryState {
  readonly session: BoardSession | null;
  /** Boards kept on this machine, newest first. */
  readonly boards: readonly CatalogEntry[];
}

const NAME_KEY = 'confer.boardName';

/**
 * Holds the one open board, whether opened by a call or on its own (offline,
 * from the board list, or reopened at start), and the list of stored boards.
 */
export function createBoardLibrary(outsideCall: DocumentTransport, storage: CatalogStorage = window.localStorage) {
  const catalog = createBoardCatalog(storage);
  const syncStatus = createSyncStatusStore();
  const store = createStore<BoardLibraryState>()(() => ({ session: null, boards: catalog.list() }));

  // Opening and closing touch IndexedDB and y-webrtc's room registry: one operation at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T,>(operation: () => Promise<T>): Promise<T> => {
    const result = queue.then(operation);
    queue = result.catch(() => undefined);
    return result;
  };

  const close = async (): Promise<void> => {
    const session = store.getState().session;
    store.setState({ session: null });
    await session?.destroy();
  };

  return {
    store,
    /** The open board's sync status; the same store across boards. */
    syncStatus,
    /** The board to reopen at start, with the name used last time. */
    lastBoard(): { boardId: string; name: string } | null {
      const boardId = catalog.lastBoard();
      return boardId ? { boardId, name: storage.getItem(NAME_KEY) ?? 'Me' } : null;
    },
    /** Opens a board: outside a call by default, or on the call's `transport`. */
    open(boardId: string, name: string, transport = outsideCall): Promise<BoardSession> {
      return serial(async () => {
        const current = store.getState().session;
        if (current?.boardId === boardId && current.user.name === name && current.transport === transport) return current;
        await close();
        const session = openBoardSession({ boardId, transport, user: userNamed(name), syncStatus });
        catalog.touch(boardId);
        storage.setItem(NAME_KEY, name);
        store.setState({ session, boards: catalog.list() });
        return session;
      });
    },
    /** Closes the board; `forget` means the next start shows the lobby rather than this board. */
    close(forget = false): Promise<void> {
      return serial(async () => {
        await close();
        if (forget) catalog.forgetLastBoard();
      });
    },
    remove(boardId: string): Promise<void> {
      return serial(async () => {
        if (store.getState().session?.boardId === boardId) await close();
        catalog.remove(boardId);
        store.setState({ boards: catalog.list() });
        await deleteStoredBoard(boardId);
      });
    },
  };
}
export type BoardLibrary = ReturnType<typeof createBoardLibrary>;
