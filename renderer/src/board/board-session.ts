import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { BoardModel } from '../../../shared/board/board-doc.js';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import { createBoardConnectionStore, type BoardConnectionStore, type SignalingStatus } from './board-connection.js';
import { persistBoard, type BoardStorage } from './board-storage.js';
import { createGuardedWebrtc } from './guarded-webrtc.js';

export interface BoardUser {
  readonly name: string;
  readonly color: string;
}

/** Board rooms live in their own namespace on the signaling server. */
export function boardRoomName(boardId: string): string {
  return `confer-board:${boardId}`;
}

/** A colour per person, stable across sessions: derived from the name. */
export function colorForName(name: string): string {
  let hash = 0;
  for (const character of name) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
  const palette = ['#d20f39', '#fe640b', '#df8e1d', '#40a02b', '#179299', '#1e66f5', '#7287fd', '#8839ef', '#ea76cb'];
  return palette[hash % palette.length] as string;
}

/**
 * An open board: the document, restored from disk and synced with peers,
 * plus this user's undo history and presence. Drawing code uses the model
 * and never sees the providers.
 */
export interface BoardSession {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly model: BoardModel;
  readonly undo: Y.UndoManager;
  readonly provider: WebrtcProvider;
  readonly storage: BoardStorage;
  readonly connection: BoardConnectionStore;
  readonly user: BoardUser;
  destroy(): Promise<void>;
}

/** y-webrtc's peer cap; the mesh relays every update to every peer, so more would only add load. */
const MAX_PEER_CONNECTIONS = 20;

/** A document's peer-to-peer sync: y-webrtc over the guarded data channels, its status kept in `connection`. */
export interface PeerSync {
  readonly provider: WebrtcProvider;
  destroy(): void;
}

/**
 * Syncs `doc` with everyone in `roomName` over y-webrtc, with the configured
 * signaling and ICE servers only, and every peer message checked by the
 * update guard. Boards and share annotations both use it.
 */
export function connectPeers(roomName: string, doc: Y.Doc, config: RuntimeConfig, user: BoardUser, connection: BoardConnectionStore, label = 'Board'): PeerSync {
  const provider = new WebrtcProvider(roomName, doc, {
    signaling: config.signalingUrls,
    password: config.boardPassword ?? null,
    maxConns: MAX_PEER_CONNECTIONS,
    peerOpts: {
      config: { iceServers: config.iceServers },
      wrtc: createGuardedWebrtc((reason) => {
        console.warn(`${label}: dropped a peer that sent bad data (${reason})`);
        connection.setState({ refusedPeer: reason });
      }),
    },
  });
  provider.awareness.setLocalStateField('user', user);

  const updateSignaling = (): void => {
    const signaling: SignalingStatus = provider.signalingConns.some((signalingConnection) => signalingConnection.connected) ? 'connected' : 'connecting';
    connection.setState({ signaling });
  };
  for (const signalingConnection of provider.signalingConns) {
    signalingConnection.on('connect', updateSignaling);
    signalingConnection.on('disconnect', updateSignaling);
  }
  updateSignaling();
  // y-webrtc's `peers` lists connections still being negotiated too: only an open data channel counts,
  // so "connected" never shows (and a test never proceeds) before strokes can actually cross.
  const countConnected = (): void => {
    const conns = provider.room?.webrtcConns.values() ?? [];
    connection.setState({ peerCount: [...conns].filter((conn) => conn.connected).length });
  };
  const onPeers = ({ added }: { added: string[] }): void => {
    for (const peerId of added) provider.room?.webrtcConns.get(peerId)?.peer.once('connect', countConnected);
    countConnected();
  };
  provider.on('peers', onPeers);
  return {
    provider,
    destroy() {
      for (const signalingConnection of provider.signalingConns) {
        signalingConnection.off('connect', updateSignaling);
        signalingConnection.off('disconnect', updateSignaling);
      }
      provider.off('peers', onPeers);
      provider.destroy();
      connection.setState({ signaling: 'disconnected', peerCount: 0, refusedPeer: null });
    },
  };
}

export function openBoardSession(boardId: string, config: RuntimeConfig, user: BoardUser, connection = createBoardConnectionStore()): BoardSession {
  const doc = new Y.Doc();
  const model = new BoardModel(doc);
  const storage = persistBoard(boardId, doc);
  void storage.restored.then(() => model.stampSchema());
  const sync = connectPeers(boardRoomName(boardId), doc, config, user, connection);
  const provider = sync.provider;

  const undo = model.createUndoManager();
  return {
    boardId,
    doc,
    model,
    undo,
    provider,
    storage,
    connection,
    user,
    async destroy() {
      undo.destroy();
      sync.destroy();
      await storage.destroy();
      doc.destroy();
    },
  };
}
