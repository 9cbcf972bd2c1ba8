import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { createStore } from 'zustand/vanilla';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';

export type SignalingStatus = 'connecting' | 'connected' | 'disconnected';

export interface BoardConnectionState {
  readonly signaling: SignalingStatus;
  /** Peers reached over WebRTC data channels. */
  readonly peerCount: number;
}

export type BoardConnectionStore = ReturnType<typeof createBoardConnectionStore>;

export function createBoardConnectionStore() {
  return createStore<BoardConnectionState>()(() => ({ signaling: 'disconnected', peerCount: 0 }));
}

export interface BoardConnection {
  readonly doc: Y.Doc;
  readonly provider: WebrtcProvider;
  destroy(): void;
}

/** Board rooms live in their own namespace on the signaling server. */
export function boardRoomName(room: string): string {
  return `confer-board:${room}`;
}

/**
 * Joins a room's board over y-webrtc, with the configured signaling servers
 * and ICE servers only: never the library's public defaults.
 */
export function connectBoard(room: string, config: RuntimeConfig, store: BoardConnectionStore): BoardConnection {
  const doc = new Y.Doc();
  const provider = new WebrtcProvider(boardRoomName(room), doc, {
    signaling: config.signalingUrls,
    peerOpts: { config: { iceServers: config.iceServers } },
  });
  const updateSignaling = (): void => {
    const connections = provider.signalingConns;
    const signaling: SignalingStatus = connections.some((connection) => connection.connected) ? 'connected' : 'connecting';
    store.setState({ signaling });
  };
  for (const connection of provider.signalingConns) {
    connection.on('connect', updateSignaling);
    connection.on('disconnect', updateSignaling);
  }
  updateSignaling();
  provider.on('peers', ({ webrtcPeers }) => store.setState({ peerCount: webrtcPeers.length }));
  return {
    doc,
    provider,
    destroy() {
      for (const connection of provider.signalingConns) {
        connection.off('connect', updateSignaling);
        connection.off('disconnect', updateSignaling);
      }
      provider.destroy();
      doc.destroy();
      store.setState({ signaling: 'disconnected', peerCount: 0 });
    },
  };
}
