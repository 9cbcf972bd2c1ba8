import { createStore } from 'zustand/vanilla';

export type SignalingStatus = 'connecting' | 'connected' | 'disconnected';

export interface BoardConnectionState {
  readonly signaling: SignalingStatus;
  /** Peers reached over WebRTC data channels. */
  readonly peerCount: number;
}

export type BoardConnectionStore = ReturnType<typeof createBoardConnectionStore>;

/** Sync status of the open board, read by the call view and the board panel. */
export function createBoardConnectionStore() {
  return createStore<BoardConnectionState>()(() => ({ signaling: 'disconnected', peerCount: 0 }));
}
