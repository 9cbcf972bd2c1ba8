import * as encoding from 'lib0/encoding';
import { describe, expect, test } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { BoardModel } from './board-doc.js';
import { sampleShape, sampleStroke } from './test-items.js';
import { checkPeerMessage, checkUpdate, GUARD_REFUSAL, MESSAGE_KIND } from './update-guard.js';

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_KIND.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function busyDoc(): Y.Doc {
  const doc = new Y.Doc();
  const model = new BoardModel(doc);
  model.stampSchema();
  model.put(Array.from({ length: 200 }, (_, index) => sampleStroke(index, index, index)));
  model.put([sampleShape('arrow', 500), { id: 't', type: 'text', x: 0, y: 0, z: 1, text: 'héllo ✓', style: { color: '#000000', width: 12, opacity: 1 } }]);
  model.remove([...model.readAll().keys()].slice(0, 50));
  doc.getText('notes').insert(0, 'text with 😀 and more');
  doc.getArray('list').push([1, 2.5, null, true, { nested: [new Uint8Array([1, 2])] }, -7, "s"]);
  return doc;
}

describe('update guard', () => {
  test('accepts every message a real peer sends', () => {
    const doc = busyDoc();
    expect(checkUpdate(Y.encodeStateAsUpdate(doc))).toEqual({ ok: true });
    expect(checkPeerMessage(syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, doc)))).toEqual({ ok: true });
    expect(checkPeerMessage(syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, doc, Y.encodeStateVector(new Y.Doc()))))).toEqual({ ok: true });
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    new BoardModel(doc).put([sampleStroke(1, 1, 1)]);
    new BoardModel(doc).remove([...new BoardModel(doc).readAll().keys()].slice(0, 3));
    for (const update of updates) expect(checkPeerMessage(syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update)))).toEqual({ ok: true });

    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ana', color: '#ff0000' }, cursor: { x: 1, y: 2 } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_KIND.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    expect(checkPeerMessage(encoding.toUint8Array(encoder))).toEqual({ ok: true });
    expect(checkPeerMessage(new Uint8Array([MESSAGE_KIND.queryAwareness]))).toEqual({ ok: true });
  });

  test('refuses truncated updates, trailing bytes and unknown message kinds', () => {
    const update = Y.encodeStateAsUpdate(busyDoc());
    for (const cut of [1, 2, 10, Math.floor(update.length / 2), update.length - 1]) {
      expect(checkUpdate(update.subarray(0, cut)).ok).toBe(false);
    }
    expect(checkUpdate(new Uint8Array([...update, 0])).ok).toBe(false);
    expect(checkPeerMessage(new Uint8Array([4, 1, 0]))).toEqual({ ok: false, reason: GUARD_REFUSAL.unknownKind });
    expect(checkPeerMessage(new Uint8Array([0, 9]))).toEqual({ ok: false, reason: GUARD_REFUSAL.unknownKind });
  });

  test('refuses counts larger than their bytes and absurd clocks, the shapes of crafted updates', () => {
    // 2^50 clients announced in a five-byte update.
    expect(checkUpdate(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0]))).toEqual({ ok: false, reason: GUARD_REFUSAL.malformed });
    // One client, one GC struct covering 2^40 clocks.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 7);
    encoding.writeVarUint(encoder, 0);
    encoding.writeUint8(encoder, 0);
    encoding.writeVarUint(encoder, 2 ** 40);
    encoding.writeVarUint(encoder, 0);
    expect(checkUpdate(encoding.toUint8Array(encoder)).ok).toBe(false);
    // Deeply nested content.
    const deep = encoding.createEncoder();
    encoding.writeVarUint(deep, 1);
    encoding.writeVarUint(deep, 1);
    encoding.writeVarUint(deep, 7);
    encoding.writeVarUint(deep, 0);
    encoding.writeUint8(deep, 8);
    encoding.writeVarUint(deep, 1);
    encoding.writeVarString(deep, 'root');
    encoding.writeVarUint(deep, 1);
    for (let depth = 0; depth < 1000; depth += 1) {
      encoding.writeUint8(deep, 117);
      encoding.writeVarUint(deep, 1);
    }
    encoding.writeUint8(deep, 126);
    encoding.writeVarUint(deep, 0);
    expect(checkUpdate(encoding.toUint8Array(deep)).ok).toBe(false);
  });

  test('random corruptions are refused or applied without hanging, and the document keeps working', () => {
    const source = Y.encodeStateAsUpdate(busyDoc());
    let seed = 42;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed;
    };
    const target = new Y.Doc();
    let accepted = 0;
    for (let round = 0; round < 300; round += 1) {
      const corrupt = source.slice(0, Math.max(1, next() % source.length));
      for (let flips = 0; flips < 3; flips += 1) corrupt[next() % corrupt.length] = next() & 0xff;
      if (!checkUpdate(corrupt).ok) continue;
      accepted += 1;
      try {
        Y.applyUpdate(target, corrupt);
      } catch {
        // Thrown errors are caught by the receiving connection; a hang would fail this test by timeout.
      }
    }
    expect(accepted).toBeLessThan(300);
    const model = new BoardModel(target);
    model.put([sampleStroke(0, 0, 1)]);
    expect(model.readAll().size).toBeGreaterThanOrEqual(1);
  }, 20_000);
});
