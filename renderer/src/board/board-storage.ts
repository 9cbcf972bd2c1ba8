import * as idb from 'lib0/indexeddb';
import { clearDocument, IndexeddbPersistence, storeState } from 'y-indexeddb';
import * as Y from 'yjs';
import { checkUpdate } from '../../../shared/board/update-guard.js';

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

/** y-indexeddb's object store of updates, and the stores it creates on a new database. */
const UPDATES_STORE = 'updates';
const STORE_DEFINITIONS: Array<[string, IDBObjectStoreParameters?]> = [[UPDATES_STORE, { autoIncrement: true }], ['custom']];

export interface RestoreReport {
  /** Records on disk that were not a valid update and were deleted before the board opened. */
  readonly droppedRecords: number;
}

export interface BoardStorage {
  /** Resolves once what was on disk is in the document, with what had to be dropped. */
  readonly restored: Promise<RestoreReport>;
  /** Folds all records into one; resolves when written. */
  compact(): Promise<void>;
  /** Number of records in the store, for tests. */
  recordCount(): number;
  destroy(): Promise<void>;
}

/**
 * Deletes the records of a board's store that are not valid Yjs updates.
 * y-indexeddb applies every record in one transaction: a single corrupt one
 * throws out of it and the board never opens, and a crafted one (yjs issue
 * 687) can hang the decoder. Each record passes the same guard as a peer's
 * message, then a trial apply on a scratch document.
 */
export async function dropCorruptRecords(name: string): Promise<number> {
  const db = await idb.openDB(name, (created) => idb.createStores(created, STORE_DEFINITIONS));
  try {
    const [store] = idb.transact(db, [UPDATES_STORE], 'readonly') as [IDBObjectStore];
    const records = (await idb.getAllKeysValues(store)) as Array<{ k: number; v: unknown }>;
    const bad: number[] = [];
    const accepted: Uint8Array[] = [];
    let scratch = new Y.Doc();
    for (const { k, v } of records) {
      if (!(v instanceof Uint8Array) || !checkUpdate(v).ok) {
        bad.push(k);
        continue;
      }
      try {
        Y.applyUpdate(scratch, v);
        accepted.push(v);
      } catch {
        bad.push(k);
        // A failed apply may leave the scratch half-changed: rebuild it from what was accepted.
        scratch.destroy();
        scratch = new Y.Doc();
        if (accepted.length > 0) Y.applyUpdate(scratch, Y.mergeUpdates(accepted));
      }
    }
    scratch.destroy();
    if (bad.length > 0) {
      const [writable] = idb.transact(db, [UPDATES_STORE]) as [IDBObjectStore];
      await Promise.all(bad.map((key) => idb.del(writable, key)));
    }
    return bad.length;
  } finally {
    db.close();
  }
}

export function persistBoard(boardId: string, doc: Y.Doc): BoardStorage {
  const name = boardDatabaseName(boardId);
  // Edits made before the store opens are kept: y-indexeddb writes the whole document when it opens.
  // A store that cannot be checked is opened as it is: losing persistence would be worse than the risk.
  const opening = dropCorruptRecords(name)
    .catch(() => 0)
    .then((droppedRecords) => ({ droppedRecords, persistence: new IndexeddbPersistence(name, doc) }));
  let persistence: IndexeddbPersistence | null = null;
  const compact = async (): Promise<void> => {
    const opened = (await opening).persistence;
    await opened.whenSynced;
    await storeState(opened, true);
    // storeState resolves before its writes finish; wait for them through a read on the same store.
    await storeState(opened, false);
  };
  const restored = opening.then(async (opened) => {
    persistence = opened.persistence;
    await persistence.whenSynced;
    // Compaction only saves space: a failure (the board closed meanwhile) must not fail the restore.
    if (persistence._dbsize >= COMPACT_AFTER_RECORDS) await compact().catch((error: unknown) => console.warn('Board: compaction failed', error));
    return { droppedRecords: opened.droppedRecords };
  });
  return {
    restored,
    compact,
    recordCount: () => persistence?._dbsize ?? 0,
    destroy: async () => (await opening).persistence.destroy(),
  };
}

export function deleteStoredBoard(boardId: string): Promise<void> {
  return clearDocument(boardDatabaseName(boardId));
}
