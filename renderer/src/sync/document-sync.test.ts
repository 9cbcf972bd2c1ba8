import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { DocumentRoom, DocumentTransport } from './document-transport.js';
import { openDocumentSync } from './document-sync.js';
import { createSyncStatusStore, DISCONNECTED } from './sync-status.js';
import { userNamed } from './sync-user.js';

/** A transport that records what it was asked to connect, and reports a peer. */
function recordingTransport() {
  const rooms: DocumentRoom[] = [];
  let destroyed = 0;
  const transport: DocumentTransport = {
    connect(room) {
      rooms.push(room);
      room.status.setState({ signaling: 'connected', peerCount: 1 });
      return {
        destroy() {
          destroyed += 1;
          room.status.setState(DISCONNECTED);
          return Promise.resolve();
        },
      };
    },
  };
  return { transport, rooms, destroyedCount: () => destroyed };
}

describe('document sync', () => {
  test('hands the transport the room, the document and an awareness that already says who we are', () => {
    const { transport, rooms } = recordingTransport();
    const doc = new Y.Doc();
    const sync = openDocumentSync({ transport, room: 'confer-board:demo', doc, user: userNamed('Ada'), label: 'Board' });
    expect(rooms).toHaveLength(1);
    expect(rooms[0]).toMatchObject({ name: 'confer-board:demo', doc, label: 'Board' });
    expect(rooms[0]?.awareness).toBe(sync.awareness);
    expect(sync.awareness.getLocalState()?.user).toEqual(userNamed('Ada'));
    doc.destroy();
  });

  test('reports the transport status into the store it was given, which outlives it', async () => {
    const { transport, destroyedCount } = recordingTransport();
    const status = createSyncStatusStore();
    const doc = new Y.Doc();
    const sync = openDocumentSync({ transport, room: 'confer-board:demo', doc, user: userNamed('Ada'), label: 'Board', status });
    expect(sync.status).toBe(status);
    expect(status.getState()).toMatchObject({ signaling: 'connected', peerCount: 1 });
    await sync.destroy();
    expect(destroyedCount()).toBe(1);
    expect(status.getState()).toEqual(DISCONNECTED);
    doc.destroy();
  });

  test('gives each document its own status store when none is shared', () => {
    const { transport } = recordingTransport();
    const docs = [new Y.Doc(), new Y.Doc()];
    const [first, second] = docs.map((doc, index) =>
      openDocumentSync({ transport, room: `confer-annotations:call:${index}`, doc, user: userNamed('Ada'), label: 'Annotations' }),
    );
    expect(first?.status).not.toBe(second?.status);
    for (const doc of docs) doc.destroy();
  });
});
