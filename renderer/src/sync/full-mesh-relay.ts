import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/** What y-protocols' awareness reports with each update. */
export interface AwarenessChanges {
  readonly added: number[];
  readonly updated: number[];
  readonly removed: number[];
}

type DocUpdateHandler = (update: Uint8Array, origin: unknown) => void;
type AwarenessUpdateHandler = (changes: AwarenessChanges, origin: unknown) => void;

/** The fields of y-webrtc's `Room` this module reads and swaps. */
export interface MeshRoom {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly webrtcConns: { readonly size: number };
  readonly provider: { readonly maxConns: number };
  /** y-webrtc sets it in `connect()` and clears it in `disconnect()`, with its document and awareness listeners. */
  readonly bcconnected: boolean;
  /** y-webrtc's listeners, which send every update to every peer whatever its origin. */
  _docUpdateHandler: DocUpdateHandler;
  _awarenessUpdateHandler: AwarenessUpdateHandler;
}

/**
 * y-webrtc only accepts an announced peer while it has fewer connections
 * than `maxConns`, and every Confer peer has the same cap: below it, every
 * peer of the room connected to every other, so what one sent already
 * reached them all.
 */
function isFullMesh(room: MeshRoom): boolean {
  return room.webrtcConns.size < room.provider.maxConns;
}

/** Replaces the room's two listeners, keeping them registered exactly when y-webrtc had them registered. */
function swapHandlers(room: MeshRoom, onDocUpdate: DocUpdateHandler, onAwarenessUpdate: AwarenessUpdateHandler): void {
  const listening = room.bcconnected;
  if (listening) {
    room.doc.off('update', room._docUpdateHandler);
    room.awareness.off('update', room._awarenessUpdateHandler);
  }
  // y-webrtc's connect() and disconnect() read these fields, so later reconnects use whatever is set here.
  room._docUpdateHandler = onDocUpdate;
  room._awarenessUpdateHandler = onAwarenessUpdate;
  if (listening) {
    room.doc.on('update', onDocUpdate);
    room.awareness.on('update', onAwarenessUpdate);
  }
}

/**
 * Stops y-webrtc from sending again what it received from its own peers
 * while the room is a full mesh: stock, it rebroadcasts every update and
 * awareness change it applies, so one stroke costs N(N-1) messages instead
 * of N-1. What y-webrtc received carries the room as its origin; everything
 * else (local edits, the disk, another transport on the same document) is
 * sent as before. When the mesh is not full, relaying is what carries an
 * update to peers the author could not reach, so it goes on.
 *
 * Returns the function that puts y-webrtc's own listeners back.
 */
export function stopRelayingInFullMesh(room: MeshRoom): () => void {
  const relayDocUpdate = room._docUpdateHandler;
  const relayAwarenessUpdate = room._awarenessUpdateHandler;
  const onDocUpdate: DocUpdateHandler = (update, origin) => {
    if (origin === room && isFullMesh(room)) return;
    relayDocUpdate(update, origin);
  };
  const onAwarenessUpdate: AwarenessUpdateHandler = (changes, origin) => {
    if (origin === room && isFullMesh(room)) return;
    relayAwarenessUpdate(changes, origin);
  };
  swapHandlers(room, onDocUpdate, onAwarenessUpdate);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    swapHandlers(room, relayDocUpdate, relayAwarenessUpdate);
  };
}
