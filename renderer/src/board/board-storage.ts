import { clearDocument, IndexeddbPersistence, storeState } from 'y-indexeddb';
import type * as Y from 'yjs';

/** One IndexedDB database per board. */
export function boardDatabaseName(boardId: string): string {
  return `confer-board:${boardId}`;
}

/**
 * y-indexeddb appends every update and folds them into one record only
 * after 500; it also appends a record on every open. Folding when a board
 * has gathered this many records keeps the store near the document's size.
 */
export const COMPACT_AFTER_RECORDS = 100;

export interface BoardStorage {
  /** Resolves once what was on disk is in the document. */
  readonly restored: Promise<void>;
  /** Folds all records into one; resolves when written. */
  compact(): Promise<void>;
  /** Number of records in the store, for tests. */
  recordCount(): number;
  destroy(): Promise<void>;
}

export function persistBoard(boardId: string, doc: Y.Doc): BoardStorage {
  const persistence = new IndexeddbPersistence(boardDatabaseName(boardId), doc);
  const compact = async (): Promise<void> => {
    await persistence.whenSynced;
    await storeState(persistence, true);
    // storeState resolves before its writes finish; wait for them through a read on the same store.
    await storeState(persistence, false);
  };
  const restored = persistence.whenSynced.then(async () => {
    // Compaction only saves space: a failure (the board closed meanwhile) must not fail the restore.
    if (persistence._dbsize >= COMPACT_AFTER_RECORDS) await compact().catch((error: unknown) => console.warn('Board: compaction failed', error));
  });
  return {
    restored,
    compact,
    recordCount: () => persistence._dbsize,
    destroy: () => persistence.destroy(),
  };
}

export function deleteStoredBoard(boardId: string): Promise<void> {
  return clearDocument(boardDatabaseName(boardId));
}
