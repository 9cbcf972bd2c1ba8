import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { Room, type WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { stopBroadcastEcho } from './broadcast-echo.js';

/** y-webrtc's real `Room`, connected to the broadcast channel of its name; no peers, no network. */
function openRoom(name: string) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  // The Room reads these fields of its provider.
  const provider = { awareness, maxConns: 20, filterBcConns: false, peerOpts: {}, emit: () => undefined } as unknown as WebrtcProvider;
  const room = new Room(doc, provider, name, null);
  room.connect();
  /** Transactions y-webrtc ran on the document with the room as origin: what it applied from the channel. */
  const applied: number[] = [];
  doc.on('beforeTransaction', (transaction: Y.Transaction) => {
    if (transaction.origin === room) applied.push(1);
  });
  return { doc, room, applied };
}

/** Lets y-webrtc's promise chains and the channel's events run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('no echo of our own broadcast-channel messages', () => {
  const rooms: Room[] = [];
  afterEach(() => {
    for (const room of rooms.splice(0)) room.disconnect();
  });

  test('stock, y-webrtc applies the update it just broadcast a second time; with the guard it does not', async () => {
    for (const guarded of [false, true]) {
      const { doc, room, applied } = openRoom(`echo-${guarded}-${Math.random()}`);
      rooms.push(room);
      if (guarded) stopBroadcastEcho(room);
      await settle();
      applied.splice(0);
      doc.getMap('items').set('a', { id: 'a' });
      await settle();
      expect(applied.length).toBe(guarded ? 0 : 1);
    }
  });

  test("another tab's update still arrives through the channel", async () => {
    const name = `echo-tabs-${Math.random()}`;
    const { doc, room } = openRoom(name);
    rooms.push(room);
    stopBroadcastEcho(room);
    const other = new Y.Doc();
    other.getMap('items').set('b', { id: 'b' });
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 0);
    syncProtocol.writeUpdate(message, Y.encodeStateAsUpdate(other));
    // A channel object of its own, as another tab has: the page's channel receives it as an event.
    const tab = new BroadcastChannel(name);
    tab.postMessage(encoding.toUint8Array(message));
    await vi.waitFor(() => expect(doc.getMap('items').get('b')).toEqual({ id: 'b' }));
    tab.close();
  });

  test('putting y-webrtc back restores the echo', async () => {
    const { doc, room, applied } = openRoom(`echo-back-${Math.random()}`);
    rooms.push(room);
    const restore = stopBroadcastEcho(room);
    restore();
    await settle();
    applied.splice(0);
    doc.getMap('items').set('c', { id: 'c' });
    await settle();
    expect(applied.length).toBe(1);
  });
});
