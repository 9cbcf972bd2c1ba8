import { createStore } from 'zustand/vanilla';

export type SignalingStatus = 'connecting' | 'connected' | 'disconnected';

export interface SyncStatus {
  readonly signaling: SignalingStatus;
  /** Peers reached over WebRTC data channels. */
  readonly peerCount: number;
  /** Why the last peer dropped for sending bad data, for the user; null when none did. */
  readonly refusedPeer: string | null;
}

export const DISCONNECTED: SyncStatus = { signaling: 'disconnected', peerCount: 0, refusedPeer: null };

export type SyncStatusStore = ReturnType<typeof createSyncStatusStore>;

/** Where a document's sync stands, written by its transport; the board's is read by the call view and the board panel. */
export function createSyncStatusStore() {
  return createStore<SyncStatus>()(() => DISCONNECTED);
}
