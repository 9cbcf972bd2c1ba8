import { createStore } from 'zustand/vanilla';
import type { Roster } from './participants.js';

export type CallPhase = 'idle' | 'joining' | 'in-call' | 'failed';

export interface CallState {
  readonly phase: CallPhase;
  readonly room: string | null;
  readonly displayName: string;
  /** Our feed id in the room, as Janus assigned it. */
  readonly selfId: string | null;
  readonly roster: Roster;
  /** Local media state, kept through reconnects and reported to the tray. */
  readonly audioMuted: boolean;
  readonly videoMuted: boolean;
  readonly screenSharing: boolean;
  /** A sentence for the user when joining failed or the call dropped. */
  readonly error: string | null;
}

export const initialCallState: CallState = {
  phase: 'idle',
  room: null,
  displayName: '',
  selfId: null,
  roster: {},
  audioMuted: false,
  videoMuted: false,
  screenSharing: false,
  error: null,
};

export type CallStore = ReturnType<typeof createCallStore>;

export function createCallStore() {
  return createStore<CallState>()(() => initialCallState);
}
