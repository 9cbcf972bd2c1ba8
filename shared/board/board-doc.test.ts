import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { boardToJson, parseBoardJson } from './board-json.js';
import { BoardModel, itemsOf } from './board-doc.js';
import { readItem, SCHEMA_VERSION } from './schema.js';
import { sampleShape, sampleStroke } from './test-items.js';

/** Connects documents the way providers do: every update reaches every other document. */
function link(docs: Y.Doc[]): void {
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      for (const other of docs) if (other !== doc && origin !== 'link') Y.applyUpdate(other, update, 'link');
    });
  }
}

function snapshot(model: BoardModel): unknown {
  return [...model.readAll().values()].map((read) => read.item).sort((a, b) => a.id.localeCompare(b.id));
}

describe('board document', () => {
  test('concurrent edits on three documents converge once their updates are exchanged', () => {
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const models = docs.map((doc) => new BoardModel(doc));
    const shared = sampleShape('rectangle', 1);
    models[0]?.put([shared]);
    for (const doc of docs.slice(1)) Y.applyUpdate(doc, Y.encodeStateAsUpdate(docs[0] as Y.Doc));

    // Offline: each adds strokes, two edit the same item, one deletes another's stroke.
    models.forEach((model, index) => model.put([sampleStroke(index * 100, 0, 2 + index), sampleStroke(index * 100, 50, 2 + index)]));
    models[1]?.put([{ ...shared, x2: 300 }]);
    models[2]?.put([{ ...shared, style: { ...shared.style, color: '#00ff00' } }]);
    models[0]?.remove([shared.id]);

    const updates = docs.map((doc) => Y.encodeStateAsUpdate(doc));
    docs.forEach((doc) => updates.forEach((update) => Y.applyUpdate(doc, update)));
    const [first, ...rest] = models.map(snapshot);
    for (const other of rest) expect(other).toEqual(first);
    expect(models[0]?.readAll().size).toBeGreaterThanOrEqual(6);
  });

  test('undo removes only the local user\u2019s work, and redo brings it back', () => {
    const docs = [new Y.Doc(), new Y.Doc()];
    link(docs);
    const [alice, bob] = docs.map((doc) => new BoardModel(doc)) as [BoardModel, BoardModel];
    const aliceUndo = alice.createUndoManager();
    const aliceStroke = sampleStroke(0, 0, 1);
    alice.put([aliceStroke]);
    aliceUndo.stopCapturing();
    const bobStroke = sampleStroke(0, 100, 2);
    bob.put([bobStroke]);
    const aliceSecond = sampleStroke(0, 200, 3);
    alice.put([aliceSecond]);

    aliceUndo.undo();
    expect([...bob.readAll().keys()].sort()).toEqual([aliceStroke.id, bobStroke.id].sort());
    aliceUndo.undo();
    expect([...bob.readAll().keys()]).toEqual([bobStroke.id]);
    // Nothing of Bob's is on Alice's stack, however often she undoes.
    aliceUndo.undo();
    expect([...alice.readAll().keys()]).toEqual([bobStroke.id]);
    aliceUndo.redo();
    aliceUndo.redo();
    expect(new Set(bob.readAll().keys())).toEqual(new Set([aliceStroke.id, bobStroke.id, aliceSecond.id]));
  });

  test('undo of a move restores the previous position even after a peer drew elsewhere', () => {
    const docs = [new Y.Doc(), new Y.Doc()];
    link(docs);
    const [alice, bob] = docs.map((doc) => new BoardModel(doc)) as [BoardModel, BoardModel];
    const undo = alice.createUndoManager();
    const shape = sampleShape('ellipse', 1);
    alice.put([shape]);
    undo.stopCapturing();
    alice.put([{ ...shape, x1: 500, x2: 600 }]);
    bob.put([sampleStroke(0, 0, 2)]);
    undo.undo();
    expect(bob.read(shape.id)?.item).toEqual(shape);
    expect(bob.readAll().size).toBe(2);
  });

  test('undo does not overwrite a change a peer made to the same item afterwards', () => {
    const docs = [new Y.Doc(), new Y.Doc()];
    link(docs);
    const [alice, bob] = docs.map((doc) => new BoardModel(doc)) as [BoardModel, BoardModel];
    const undo = alice.createUndoManager();
    const shape = sampleShape('rectangle', 1);
    alice.put([shape]);
    undo.stopCapturing();
    alice.put([{ ...shape, x1: 50 }]);
    const bobs = { ...shape, x1: 50, style: { ...shape.style, color: '#00ff00' } };
    bob.put([bobs]);
    undo.undo();
    undo.undo();
    expect(alice.read(shape.id)?.item).toEqual(bobs);
    expect(bob.read(shape.id)?.item).toEqual(bobs);
  });

  test('items that fail validation are skipped, valid ones are kept', () => {
    const doc = new Y.Doc();
    const model = new BoardModel(doc);
    const good = sampleStroke(0, 0, 1);
    model.put([good]);
    const items = itemsOf(doc);
    items.set('bad-type', { id: 'bad-type', type: 'blob', z: 1 });
    items.set('bad-colour', { ...sampleShape('line', 1), id: 'bad-colour', style: { color: 'red', width: 1, opacity: 1 } });
    items.set('bad-points', { ...good, id: 'bad-points', points: new Uint8Array([1, 200, 1]) });
    items.set('wrong-key', { ...good, id: 'another' });
    items.set('nan', { ...sampleShape('line', 1), id: 'nan', x1: Number.NaN });
    items.set('extra', { ...sampleShape('line', 1), id: 'extra', script: 'alert(1)' });
    items.set('plain', 'just a string');
    expect([...model.readAll().keys()]).toEqual([good.id]);
    expect(readItem('x', null)).toBeNull();
  });

  test('new boards carry the schema version', () => {
    const model = new BoardModel(new Y.Doc());
    expect(model.schemaVersion()).toBeNull();
    model.stampSchema();
    expect(model.schemaVersion()).toBe(SCHEMA_VERSION);
  });

  test('JSON export round-trips every kind of item and import skips invalid ones', () => {
    const model = new BoardModel(new Y.Doc());
    const text = { id: 'text1', type: 'text', x: 1, y: 2, z: 3, text: 'hello', style: { color: '#000000', width: 16, opacity: 1 } } as const;
    model.put([sampleStroke(0, 0, 1), sampleShape('arrow', 2), text]);
    const json = boardToJson([...model.readAll().values()].map((read) => read.item));
    const parsed = parseBoardJson(json);
    expect(parsed.rejected).toBe(0);
    expect(parsed.items.map((read) => read.item).sort((a, b) => a.z - b.z)).toEqual([...model.readAll().values()].map((read) => read.item).sort((a, b) => a.z - b.z));

    const tampered = JSON.parse(json) as { items: Array<Record<string, unknown>> };
    tampered.items.push({ id: 'evil', type: 'stroke', points: '!!!' });
    expect(parseBoardJson(JSON.stringify(tampered)).rejected).toBe(1);
    expect(() => parseBoardJson('{"format":"other"}')).toThrow();
  });

  test('imported items are validated once: the document hands back the reads the import made', () => {
    const source = new BoardModel(new Y.Doc());
    source.put([sampleStroke(0, 0, 1), sampleShape('rectangle', 2)]);
    const parsed = parseBoardJson(boardToJson([...source.readAll().values()].map((read) => read.item)));
    const model = new BoardModel(new Y.Doc());
    model.putRead(parsed.items);
    for (const read of parsed.items) expect(model.read(read.item.id)).toBe(read);
    // Another handle on the same document has no such reads: it validates what it finds.
    const other = new BoardModel(model.doc);
    expect(other.read(parsed.items[0]?.item.id ?? '')).not.toBe(parsed.items[0]);
    expect(other.readAll()).toEqual(source.readAll());
  });
});
