import { createStore } from 'zustand/vanilla';

export type SignalingStatus = 'connecting' | 'connected' | 'disconnected';

export interface BoardConnectionState {
  readonly signaling: SignalingStatus;
  /** Peers reached over WebRTC data channels. */
  readonly peerCount: number;
  /** Why the last peer dropped for sending bad data, for the user; null when none did. */
  readonly refusedPeer: string | null;
}

export type BoardConnectionStore = ReturnType<typeof createBoardConnectionStore>;

/** Sync status of the open board, read by the call view and the board panel. */
export function createBoardConnectionStore() {
  return createStore<BoardConnectionState>()(() => ({ signaling: 'disconnected', peerCount: 0, refusedPeer: null }));
}
