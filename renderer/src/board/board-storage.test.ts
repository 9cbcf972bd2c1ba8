import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { BoardModel } from '../../../shared/board/board-doc.js';
import { sampleStroke } from '../../../shared/board/test-items.js';
import { createBoardCatalog } from './board-catalog.js';
import * as encoding from 'lib0/encoding';
import * as idb from 'lib0/indexeddb';
import { boardDatabaseName, COMPACT_AFTER_RECORDS, deleteStoredBoard, persistBoard } from './board-storage.js';

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

/**
 * The storage writes each update in its own IndexedDB transaction, created
 * at the edit. A read of the same store opened later runs only after those
 * writes (IndexedDB orders overlapping transactions by creation), so it
 * waits for them however slow the machine is.
 */
async function settle(boardId: string): Promise<void> {
  const db = await idb.openDB(boardDatabaseName(boardId), () => undefined);
  const [updates] = idb.transact(db, ['updates'], 'readonly') as [IDBObjectStore];
  await idb.getAll(updates);
  db.close();
}

describe('board persistence', () => {
  test('a board reopens from IndexedDB with everything drawn before, offline', async () => {
    const doc = new Y.Doc();
    const storage = persistBoard('persist-reopen', doc);
    await storage.restored;
    const model = new BoardModel(doc);
    const strokes = [sampleStroke(0, 0, 1), sampleStroke(10, 10, 2)];
    model.put(strokes);
    model.remove([strokes[0]?.id ?? '']);
    model.put([sampleStroke(20, 20, 3)]);
    await settle('persist-reopen');
    await storage.destroy();

    const reopened = new Y.Doc();
    const again = persistBoard('persist-reopen', reopened);
    await again.restored;
    expect(new BoardModel(reopened).readAll()).toEqual(model.readAll());
    await again.destroy();
  });

  test('many small edits are folded into one record, keeping the store near the document size', async () => {
    const doc = new Y.Doc();
    const storage = persistBoard('persist-compact', doc);
    await storage.restored;
    const model = new BoardModel(doc);
    for (let index = 0; index < COMPACT_AFTER_RECORDS + 20; index += 1) model.put([sampleStroke(index, index, index)]);
    await settle('persist-compact');
    await storage.destroy();

    const reopened = new Y.Doc();
    const again = persistBoard('persist-compact', reopened);
    await again.restored;
    expect(again.recordCount()).toBeLessThanOrEqual(2);
    expect(new BoardModel(reopened).readAll().size).toBe(COMPACT_AFTER_RECORDS + 20);
    await again.destroy();
  });

  test('edits made before the store has opened are kept, and a closed board reopens from one record', async () => {
    const doc = new Y.Doc();
    const storage = persistBoard('persist-early', doc);
    const model = new BoardModel(doc);
    model.put([sampleStroke(0, 0, 1)]);
    await storage.restored;
    model.put([sampleStroke(10, 10, 2)]);
    await settle('persist-early');
    expect(storage.recordCount()).toBe(2);
    await storage.destroy();

    const reopened = new Y.Doc();
    const again = persistBoard('persist-early', reopened);
    await again.restored;
    expect(again.recordCount()).toBe(1);
    expect(new BoardModel(reopened).readAll()).toEqual(model.readAll());
    await again.destroy();
  });

  test('deleting a board removes its data and its entry in the board list', async () => {
    const catalog = createBoardCatalog(memoryStorage());
    catalog.touch('gone', 1);
    catalog.touch('kept', 2);
    expect(catalog.list().map((entry) => entry.id)).toEqual(['kept', 'gone']);
    expect(catalog.lastBoard()).toBe('kept');

    const doc = new Y.Doc();
    const storage = persistBoard('gone', doc);
    await storage.restored;
    new BoardModel(doc).put([sampleStroke(0, 0, 1)]);
    await settle('gone');
    await storage.destroy();
    await deleteStoredBoard('gone');
    catalog.remove('gone');

    const reopened = new Y.Doc();
    const again = persistBoard('gone', reopened);
    await again.restored;
    expect(new BoardModel(reopened).readAll().size).toBe(0);
    expect(catalog.list().map((entry) => entry.id)).toEqual(['kept']);
    await again.destroy();
  });

  test('a corrupt board list reads as empty rather than failing', () => {
    const storage = memoryStorage();
    storage.setItem('confer.boards', '{"not":"a list"');
    expect(createBoardCatalog(storage).list()).toEqual([]);
    storage.setItem('confer.boards', JSON.stringify([{ id: '../../etc', lastOpened: 1 }]));
    expect(createBoardCatalog(storage).list()).toEqual([]);
  });

  test('corrupt records on disk are dropped and counted; the board opens with everything valid', async () => {
    const doc = new Y.Doc();
    const storage = persistBoard('persist-corrupt', doc);
    await storage.restored;
    const model = new BoardModel(doc);
    model.put([sampleStroke(0, 0, 1)]);
    model.put([sampleStroke(10, 10, 2)]);
    await settle('persist-corrupt');
    await storage.destroy();

    // The shape of yjs issue 687: a count of structs far beyond the bytes that carry it, which makes the decoder loop and allocate.
    const hang = encoding.createEncoder();
    encoding.writeVarUint(hang, 1);
    encoding.writeVarUint(hang, 2 ** 31);
    encoding.writeVarUint(hang, 7);
    encoding.writeVarUint(hang, 0);
    const valid = Y.encodeStateAsUpdate(doc);
    const corrupt: unknown[] = [
      encoding.toUint8Array(hang),
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]),
      valid.slice(0, Math.floor(valid.length / 2)),
      'not bytes at all',
      { update: [1, 2, 3] },
    ];
    const db = await idb.openDB(boardDatabaseName('persist-corrupt'), () => undefined);
    const [updates] = idb.transact(db, ['updates']) as [IDBObjectStore];
    for (const record of corrupt) await idb.rtop(updates.add(record));
    db.close();

    const reopened = new Y.Doc();
    const again = persistBoard('persist-corrupt', reopened);
    await expect(again.restored).resolves.toEqual({ droppedRecords: corrupt.length });
    expect(new BoardModel(reopened).readAll()).toEqual(model.readAll());
    // They are gone from disk: the next open finds nothing to drop, and edits still persist.
    new BoardModel(reopened).put([sampleStroke(20, 20, 3)]);
    await settle('persist-corrupt');
    await again.destroy();
    const third = new Y.Doc();
    const last = persistBoard('persist-corrupt', third);
    await expect(last.restored).resolves.toEqual({ droppedRecords: 0 });
    expect(new BoardModel(third).readAll().size).toBe(3);
    await last.destroy();
  });
});
