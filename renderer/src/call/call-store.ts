import { createStore } from 'zustand/vanilla';
import { initialRoomChatState, type RoomChatState } from './chat/room-messages.js';
import type { RemoteFeedMedia } from './janus/subscriber.js';
import type { Roster } from './participants.js';
import type { FeedStats } from './quality/stats-monitor.js';

export type CallPhase = 'idle' | 'joining' | 'in-call' | 'reconnecting' | 'failed';
export type CallLayout = 'grid' | 'speaker';

export interface MediaDeviceChoice {
  readonly deviceId: string;
  readonly label: string;
}

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
  /** Local tracks for previews; null while off. */
  readonly localAudio: MediaStreamTrack | null;
  readonly localVideo: MediaStreamTrack | null;
  readonly localScreen: MediaStreamTrack | null;
  readonly cameras: readonly MediaDeviceChoice[];
  readonly microphones: readonly MediaDeviceChoice[];
  readonly cameraId: string | null;
  readonly microphoneId: string | null;
  /** A device problem the user should see (unplugged, refused), or null. */
  readonly deviceProblem: string | null;
  /** Media is cut off while the call is still joined (the ICE path broke and stays broken), or null. */
  readonly mediaProblem: string | null;
  /** What each remote feed delivers on the subscription, by feed id. */
  readonly remoteMedia: Readonly<Record<string, RemoteFeedMedia>>;
  readonly layout: CallLayout;
  /** The feed last reported talking by Janus (ours included), or null. */
  readonly activeSpeakerId: string | null;
  /** Video subscriptions paused because the downlink stayed too low. */
  readonly audioOnly: boolean;
  readonly stats: Readonly<Record<string, FeedStats>>;
  /** The room secret was given: moderation controls are offered. */
  readonly moderator: boolean;
  readonly iceRestarts: number;
  /** Times the signaling connection was lost and recovered or rejoined, this call. */
  readonly reconnects: number;
  /** Chat, raised hands and reactions of the room. */
  readonly roomChat: RoomChatState;
  readonly handRaised: boolean;
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
  localAudio: null,
  localVideo: null,
  localScreen: null,
  cameras: [],
  microphones: [],
  cameraId: null,
  microphoneId: null,
  deviceProblem: null,
  mediaProblem: null,
  remoteMedia: {},
  layout: 'grid',
  activeSpeakerId: null,
  audioOnly: false,
  stats: {},
  moderator: false,
  iceRestarts: 0,
  reconnects: 0,
  roomChat: initialRoomChatState,
  handRaised: false,
};

export type CallStore = ReturnType<typeof createCallStore>;

export function createCallStore() {
  return createStore<CallState>()(() => initialCallState);
}
