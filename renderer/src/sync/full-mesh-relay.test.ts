import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { Room, type WebrtcConn, type WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { stopRelayingInFullMesh } from './full-mesh-relay.js';

/** y-webrtc's message types, as its handlers write them. */
const MESSAGE = { sync: 0, awareness: 1 } as const;

/**
 * y-webrtc's real `Room`, with its real listeners, and stand-ins only for
 * the connections it sends on: each records the messages sent to it.
 */
function openRoom(peerNames: readonly string[], maxConns = 20) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  // The Room reads these fields of its provider; nothing here reaches a network.
  const provider = { awareness, maxConns, filterBcConns: false, peerOpts: {}, emit: () => undefined } as unknown as WebrtcProvider;
  const room = new Room(doc, provider, `test-room-${Math.random()}`, null);
  const sent = new Map<string, number[]>();
  for (const name of peerNames) {
    const kinds: number[] = [];
    sent.set(name, kinds);
    const connection = {
      peer: { send: (message: Uint8Array) => kinds.push(decoding.readVarUint(decoding.createDecoder(message))) },
      destroy: () => undefined,
    };
    room.webrtcConns.set(name, connection as unknown as WebrtcConn);
  }
  room.connect();
  const clear = (): void => sent.forEach((kinds) => kinds.splice(0));
  return { doc, awareness, room, sent, clear };
}

/** Applies another client's stroke the way y-webrtc applies what a peer sent: through y-protocols, with the room as origin. */
function receiveFromPeer(room: Room, doc: Y.Doc, key: string): void {
  const author = new Y.Doc();
  author.getMap('items').set(key, { id: key, type: 'stroke' });
  const message = encoding.createEncoder();
  syncProtocol.writeUpdate(message, Y.encodeStateAsUpdate(author));
  author.destroy();
  syncProtocol.readSyncMessage(decoding.createDecoder(encoding.toUint8Array(message)), encoding.createEncoder(), doc, room);
}

/** Applies another client's cursor the way y-webrtc does. */
function receiveCursorFromPeer(room: Room, awareness: Awareness): void {
  const otherDoc = new Y.Doc();
  const other = new Awareness(otherDoc);
  other.setLocalStateField('cursor', { x: 1, y: 2 });
  applyAwarenessUpdate(awareness, encodeAwarenessUpdate(other, [other.clientID]), room);
  otherDoc.destroy();
}

describe('no relaying in a full mesh', () => {
  let opened: ReturnType<typeof openRoom> | null = null;
  const open = (...args: Parameters<typeof openRoom>) => (opened = openRoom(...args));
  beforeEach(() => {
    opened = null;
  });
  afterEach(() => {
    opened?.room.destroy();
    opened?.doc.destroy();
  });

  test('stock y-webrtc sends again what it received: the reason for this module', () => {
    const { doc, room, sent, clear } = open(['b', 'c', 'd']);
    clear();
    receiveFromPeer(room, doc, 'stroke');
    expect([...sent.values()]).toEqual([[MESSAGE.sync], [MESSAGE.sync], [MESSAGE.sync]]);
  });

  test('an update or a cursor received from a peer is not sent again while the room is a full mesh', () => {
    const { doc, awareness, room, sent, clear } = open(['b', 'c', 'd']);
    stopRelayingInFullMesh(room);
    clear();
    receiveFromPeer(room, doc, 'stroke');
    receiveCursorFromPeer(room, awareness);
    expect(doc.getMap('items').has('stroke')).toBe(true);
    expect(awareness.getStates().size).toBe(2);
    expect([...sent.values()]).toEqual([[], [], []]);
  });

  test('local edits, and updates another transport applies to the same document, go to every peer once', () => {
    const { doc, awareness, room, sent, clear } = open(['b', 'c', 'd']);
    stopRelayingInFullMesh(room);
    clear();
    doc.transact(() => doc.getMap('items').set('mine', { id: 'mine' }), { board: 'local' });
    const callTransport = { transport: 'call' };
    const fromCall = new Y.Doc();
    fromCall.getMap('items').set('from-call', { id: 'from-call' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(fromCall), callTransport);
    awareness.setLocalStateField('cursor', { x: 5, y: 5 });
    const cursorFromCall = new Awareness(fromCall);
    cursorFromCall.setLocalStateField('cursor', { x: 7, y: 7 });
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(cursorFromCall, [fromCall.clientID]), callTransport);
    fromCall.destroy();
    const expected = [MESSAGE.sync, MESSAGE.sync, MESSAGE.awareness, MESSAGE.awareness];
    expect([...sent.values()]).toEqual([expected, expected, expected]);
  });

  test('at the connection cap the mesh may not be full, so what was received is relayed as before', () => {
    const { doc, awareness, room, sent, clear } = open(['b', 'c'], 2);
    stopRelayingInFullMesh(room);
    clear();
    receiveFromPeer(room, doc, 'stroke');
    receiveCursorFromPeer(room, awareness);
    const relayed = [MESSAGE.sync, MESSAGE.awareness];
    expect([...sent.values()]).toEqual([relayed, relayed]);
  });

  test("restoring puts y-webrtc's listeners back, registered once", () => {
    const { doc, room, sent, clear } = open(['b']);
    const restore = stopRelayingInFullMesh(room);
    restore();
    restore();
    clear();
    receiveFromPeer(room, doc, 'stroke');
    doc.getMap('items').set('mine', { id: 'mine' });
    expect(sent.get('b')).toEqual([MESSAGE.sync, MESSAGE.sync]);
  });

  test('swapped while disconnected, nothing listens until y-webrtc connects, and then only the filtered listeners do', () => {
    const { doc, room, sent, clear } = open(['b']);
    room.disconnect();
    clear();
    const restore = stopRelayingInFullMesh(room);
    doc.getMap('items').set('offline', { id: 'offline' });
    expect(sent.get('b')).toEqual([]);
    room.connect();
    clear();
    receiveFromPeer(room, doc, 'stroke');
    doc.getMap('items').set('mine', { id: 'mine' });
    expect(sent.get('b')).toEqual([MESSAGE.sync]);
    // And y-webrtc's disconnect unregisters what is set now: restored after it, nothing sends.
    room.disconnect();
    restore();
    doc.getMap('items').set('later', { id: 'later' });
    expect(sent.get('b')).toEqual([MESSAGE.sync]);
  });
});
