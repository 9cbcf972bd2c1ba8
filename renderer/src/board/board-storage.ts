import * as idb from 'lib0/indexeddb';
import * as Y from 'yjs';
import { checkUpdate } from '../../../shared/board/update-guard.js';

/** One IndexedDB database per board. */
export function boardDatabaseName(boardId: string): string {
  return `confer-board:${boardId}`;
}

/** Records written in a session, or found at open, past which they are folded into one. */
export const COMPACT_AFTER_RECORDS = 100;
/** Folding waits for a pause in the edits this long, so a burst of strokes is folded once. */
const COMPACT_DELAY_MS = 1_000;

/**
 * The store's layout is y-indexeddb's (Yjs updates in `updates`, auto-keyed,
 * and an unused `custom` store), so boards saved by earlier versions open
 * as they are and any Yjs tool that reads y-indexeddb reads these.
 */
const UPDATES_STORE = 'updates';
const STORE_DEFINITIONS: Array<[string, IDBObjectStoreParameters?]> = [[UPDATES_STORE, { autoIncrement: true }], ['custom']];

/** Origin of the updates applied from disk: they are not written back. */
const RESTORE_ORIGIN = Symbol('board storage');

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
  /** Folds the records (the next open reads one) and closes the store. */
  destroy(): Promise<void>;
}

interface StoredRecord {
  readonly k: number;
  readonly v: unknown;
}

/**
 * Applies the stored records to `doc` in one transaction, each after the
 * same guard as a peer's message (a crafted record, yjs issue 687, could
 * hang the decoder). Returns the keys of the records refused or that threw:
 * one bad record must not keep the board from opening.
 */
function applyRecords(doc: Y.Doc, records: readonly StoredRecord[]): number[] {
  const bad: number[] = [];
  doc.transact(() => {
    for (const { k, v } of records) {
      if (!(v instanceof Uint8Array) || !checkUpdate(v).ok) {
        bad.push(k);
        continue;
      }
      try {
        Y.applyUpdate(doc, v, RESTORE_ORIGIN);
      } catch {
        bad.push(k);
      }
    }
  }, RESTORE_ORIGIN);
  return bad;
}

/** Folding only saves the next open's time: a failure is logged, never passed on. */
function warnCompactionFailed(error: unknown): void {
  console.warn('Board: compaction failed', error);
}

/** Opens a board's store, creating it for a new board, and reads every record. */
async function readStore(name: string): Promise<{ opened: IDBDatabase; stored: StoredRecord[] }> {
  const opened = await idb.openDB(name, (created) => idb.createStores(created, STORE_DEFINITIONS));
  const [store] = idb.transact(opened, [UPDATES_STORE], 'readonly') as [IDBObjectStore];
  return { opened, stored: (await idb.getAllKeysValues(store)) as StoredRecord[] };
}

/**
 * Keeps a board's document in IndexedDB: every update is appended in its
 * own transaction as it happens (a browser killed mid-stroke loses nothing
 * before it), and the records are folded into one snapshot of the document
 * once many gather and when the board closes, so opening reads and applies
 * one record whatever the history's length. The store is read once, at
 * open, and each record applied once.
 */
export function persistBoard(boardId: string, doc: Y.Doc): BoardStorage {
  const name = boardDatabaseName(boardId);
  let db: IDBDatabase | null = null;
  let records = 0;
  let closed = false;
  let compactTimer: ReturnType<typeof setTimeout> | null = null;
  // Edits made before the store opens are written once it has.
  const early: Uint8Array[] = [];

  const append = (update: Uint8Array): void => {
    if (!db) {
      early.push(update);
      return;
    }
    const [store] = idb.transact(db, [UPDATES_STORE]) as [IDBObjectStore];
    idb.rtop(store.add(update)).catch((error: unknown) => console.warn('Board: an edit could not be saved', error));
    records += 1;
    if (records >= COMPACT_AFTER_RECORDS && compactTimer === null) {
      compactTimer = setTimeout(() => {
        compactTimer = null;
        void compactQuietly();
      }, COMPACT_DELAY_MS);
    }
  };
  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== RESTORE_ORIGIN && !closed) append(update);
  };
  doc.on('update', onUpdate);

  const compact = async (): Promise<void> => {
    await restored;
    if (!db || closed) return;
    const [store] = idb.transact(db, [UPDATES_STORE]) as [IDBObjectStore];
    // One transaction: the snapshot is written and what it replaces deleted together, or neither.
    const key = (await idb.rtop(store.add(Y.encodeStateAsUpdate(doc)))) as number;
    await idb.del(store, idb.createIDBKeyRangeUpperBound(key, true));
    records = 1 + (await idb.count(store, idb.createIDBKeyRangeLowerBound(key, true)));
  };

  const compactQuietly = (): Promise<void> => compact().catch(warnCompactionFailed);

  const restored = (async (): Promise<RestoreReport> => {
    const { opened, stored } = await readStore(name);
    if (closed) {
      opened.close();
      return { droppedRecords: 0 };
    }
    const bad = applyRecords(doc, stored);
    db = opened;
    records = stored.length - bad.length;
    if (bad.length > 0) {
      const [writable] = idb.transact(opened, [UPDATES_STORE]) as [IDBObjectStore];
      await Promise.all(bad.map((key) => idb.del(writable, key)));
    }
    for (const update of early.splice(0)) append(update);
    // A store left long (a crash, or an earlier version's) is folded once the board is shown.
    if (records >= COMPACT_AFTER_RECORDS) void Promise.resolve().then(compactQuietly);
    return { droppedRecords: bad.length };
  })().catch((error: unknown) => {
    // No IndexedDB (a storage quota, a browser's private mode): the board still opens and syncs, in memory only.
    console.warn('Board: this board cannot be kept on disk', error);
    doc.off('update', onUpdate);
    early.length = 0;
    return { droppedRecords: 0 };
  });

  return {
    restored,
    compact,
    recordCount: () => records,
    destroy: async () => {
      if (compactTimer !== null) clearTimeout(compactTimer);
      doc.off('update', onUpdate);
      if (records > 1) await compactQuietly();
      closed = true;
      await restored.catch(() => undefined);
      db?.close();
    },
  };
}

export function deleteStoredBoard(boardId: string): Promise<void> {
  return idb.deleteDB(boardDatabaseName(boardId));
}
