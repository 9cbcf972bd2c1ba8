import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { BoardModel, itemsOf } from './board-doc.js';
import { compactItemZ, decodeItem, encodeItem, ITEM_FORMAT } from './item-codec.js';
import { ITEM_LIMITS } from './item-limits.js';
import type { BoardItem } from './schema.js';
import { handDrawnStroke, sampleShape } from './test-items.js';

const text: BoardItem = { id: 'note-1', type: 'text', x: -12.5, y: 40.25, z: 7.5, style: { color: '#40a02b', width: 18, opacity: 0.35 }, text: 'Grüße\nzwei Zeilen' };

describe('the compact form of board items', () => {
  test('strokes, every shape and text come back as they were written', () => {
    const items: BoardItem[] = [handDrawnStroke(10, 20, 3.25, 7), { ...handDrawnStroke(0, 0, 1, 8), tool: 'highlighter' }, ...(['line', 'arrow', 'rectangle', 'ellipse'] as const).map((kind, index) => sampleShape(kind, index + 0.5)), text];
    for (const item of items) expect(decodeItem(item.id, encodeItem(item))).toEqual(item);
  });

  test('the colour is stored as three bytes and reads back in lower case', () => {
    const item = { ...text, style: { ...text.style, color: '#D20F39' } };
    expect(decodeItem(item.id, encodeItem(item))?.style.color).toBe('#d20f39');
  });

  test('the paint order reads without decoding the rest', () => {
    expect(compactItemZ(encodeItem(text))).toBe(7.5);
    expect(compactItemZ(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  test('anything outside the limits of the plain form is refused', () => {
    const bytes = encodeItem(text);
    const changed = (offset: number, write: (view: DataView) => void): Uint8Array => {
      const copy = bytes.slice();
      write(new DataView(copy.buffer));
      return copy.subarray(offset);
    };
    const float = (at: number, value: number) => changed(0, (view) => view.setFloat64(at, value, true));
    const byte = (at: number, value: number) => changed(0, (view) => view.setUint8(at, value));
    expect(decodeItem('bad id!', bytes)).toBeNull();
    expect(decodeItem(text.id, byte(0, ITEM_FORMAT + 1))).toBeNull();
    expect(decodeItem(text.id, byte(1, 99))).toBeNull();
    expect(decodeItem(text.id, float(2, Number.NaN))).toBeNull();
    expect(decodeItem(text.id, float(13, ITEM_LIMITS.width.max + 1))).toBeNull();
    expect(decodeItem(text.id, float(21, 0))).toBeNull();
    expect(decodeItem(text.id, float(29, 1e12))).toBeNull();
    expect(decodeItem(text.id, bytes.subarray(0, 44))).toBeNull();
    const shape = encodeItem(sampleShape('rectangle', 1));
    expect(decodeItem('s', new Uint8Array([...shape, 0]))).toBeNull();
    expect(decodeItem('t', encodeItem({ ...text, text: 'x'.repeat(ITEM_LIMITS.textLength.max + 1) }))).toBeNull();
  });

  test('a document stores items compactly, in a fraction of the plain form, and still reads plain items beside them', () => {
    const strokes = Array.from({ length: 200 }, (_, index) => handDrawnStroke(index * 10, 0, index + 1, index));
    const compact = new BoardModel(new Y.Doc());
    compact.put(strokes);
    const plain = new Y.Doc();
    plain.transact(() => strokes.forEach((stroke) => itemsOf(plain).set(stroke.id, stroke)));
    const compactBytes = Y.encodeStateAsUpdate(compact.doc).length;
    const plainBytes = Y.encodeStateAsUpdate(plain).length;
    expect(compactBytes).toBeLessThan(plainBytes * 0.85);
    // An item written by a client of version 1, or by any Yjs client, as a plain object.
    const older = handDrawnStroke(5, 5, 999, 1);
    itemsOf(compact.doc).set(older.id, older);
    const read = compact.readAll();
    expect(read.size).toBe(201);
    expect(read.get(older.id)?.item).toEqual(older);
    expect(read.get(strokes[0]?.id ?? '')?.item).toEqual(strokes[0]);
    expect(compact.topZ()).toBe(1000);
  });
});
