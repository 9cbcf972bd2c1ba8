import { createStore, type StateCreator } from 'zustand/vanilla';
import { DEFAULT_CALL_PREFERENCES, type CallPreferenceSection, type CallPreferences } from '../../../shared/desktop/call-preferences.js';
import { initialRoomChatState, type RoomChatState } from './chat/room-messages.js';
import type { WaitingPerson } from './waiting/waiting-room.js';
import type { RemoteFeedMedia } from './janus/subscriber.js';
import type { Roster } from './participants.js';
import type { FeedStats } from './quality/stats-monitor.js';
import type { CallLayout } from './layout/stage-plan.js';
import type { CallError } from './session/call-error.js';

export type CallPhase = 'idle' | 'joining' | 'in-call' | 'reconnecting' | 'failed';
export type { CallLayout } from './layout/stage-plan.js';

export interface MediaDeviceChoice {
  readonly deviceId: string;
  readonly label: string;
}

/** The call's lifecycle, written from the reconnect policy's state. */
export interface SessionState {
  readonly phase: CallPhase;
  readonly room: string | null;
  readonly displayName: string;
  /** Why joining failed or the call dropped, for the lobby to say. */
  readonly error: CallError | null;
  /** The room secret was given: moderation controls are offered. */
  readonly moderator: boolean;
  /** Times the signaling connection was lost and recovered or rejoined, this call. */
  readonly reconnects: number;
}

/** Who is in the room and what the subscription receives from them. */
export interface RoomState {
  /** Our camera's feed id in the room. */
  readonly selfId: string | null;
  /** Our screen share's feed id while we share (a feed of its own), or null. */
  readonly selfScreenId: string | null;
  readonly roster: Roster;
  /** What each remote feed delivers on the subscription, by feed id. */
  readonly remoteMedia: Readonly<Record<string, RemoteFeedMedia>>;
  /** Remote feeds whose video has shown a frame on a tile, by feed id. */
  readonly remoteVideoShown: Readonly<Record<string, true>>;
  /** What fills the stage: grid, speaker view or the whiteboard (`layout/stage-plan.ts` says what goes where). */
  readonly layout: CallLayout;
  /** The feed last reported talking (ours included): by Janus's `talking` events, or by audio levels where the room sends none; or null. */
  readonly activeSpeakerId: string | null;
}

/** Our own devices and tracks, kept through reconnects; the mute state is reported to the tray. */
export interface LocalMediaState {
  readonly audioMuted: boolean;
  readonly videoMuted: boolean;
  readonly screenSharing: boolean;
  /** A moderator muted our microphone: Janus drops it, whatever our own mute says, until they unmute us. */
  readonly audioModerated: boolean;
  /** Local tracks for previews; null while off. */
  readonly localAudio: MediaStreamTrack | null;
  readonly localVideo: MediaStreamTrack | null;
  readonly localScreen: MediaStreamTrack | null;
  /** The computer's sound shared with the screen, when the user chose to share it. */
  readonly localScreenAudio: MediaStreamTrack | null;
  readonly cameras: readonly MediaDeviceChoice[];
  readonly microphones: readonly MediaDeviceChoice[];
  /** Audio outputs; empty where the browser does not list them. */
  readonly speakers: readonly MediaDeviceChoice[];
  readonly cameraId: string | null;
  readonly microphoneId: string | null;
  /** The audio output remote sound plays through (`setSinkId`); null is the system default. */
  readonly speakerId: string | null;
  /** A device problem the user should see (unplugged, refused), or null. */
  readonly deviceProblem: DeviceProblem | null;
  /** What the device fallback did (a device gone, a device back), for the live region, or null. */
  readonly deviceNotice: DeviceNotice | null;
  /** A preferred device came back while we use another: offered, never switched to unasked. */
  readonly deviceOffer: DeviceOffer | null;
}

/** Why a camera or microphone could not be opened; the words are the catalogue's (`deviceProblem`). */
export interface DeviceProblem {
  readonly kind: 'camera' | 'microphone';
  readonly reason: 'notAllowed' | 'notFound' | 'inUse' | 'failed';
}

/** A preferred device that is back, offered to switch back to. */
export interface DeviceOffer {
  readonly kind: 'microphone' | 'camera' | 'speaker';
  readonly device: MediaDeviceChoice;
}

/** A device switched by itself: `lost` gone (or null when a preferred one came back), `using` what we use now. */
export interface DeviceNotice {
  readonly kind: 'microphone' | 'camera' | 'speaker';
  readonly lost: string | null;
  readonly using: string;
}

/** What the quality loop measures and decides. */
export interface QualityState {
  /** Media is cut off while the call is still joined (the ICE path broke and stays broken): through the relay (TURN) only, or any path; or null. */
  readonly mediaProblem: 'relay' | 'path' | null;
  /** Video subscriptions paused because the downlink stayed too low. */
  readonly audioOnly: boolean;
  readonly stats: Readonly<Record<string, FeedStats>>;
  readonly iceRestarts: number;
}

/** Chat, raised hands and reactions of the room. */
export interface MessagingState {
  readonly roomChat: RoomChatState;
  readonly handRaised: boolean;
}

/** What the user chose for the call (the settings screen), loaded and saved by the desktop shell's connection (settings file or local storage). */
export interface PreferenceState extends CallPreferences {
  /** Parts of the stored preferences that were unreadable and are back to their defaults: the user is told once. */
  readonly preferencesReset: readonly CallPreferenceSection[];
}

/**
 * Why the control plane did not let us in, or could not be asked; the
 * words are the catalogue's (`controlPlane.refusal`).
 */
export type AdmissionRefusal = 'pinNeeded' | 'notAPin' | 'wrongPin' | 'invalidInvite' | 'expiredInvite' | 'rateLimited' | 'unavailable' | 'unreachable' | 'foreignNode' | 'refused';

/** What the control plane decided about this call (session/control-join.ts), when one is configured. */
export interface AdmissionState {
  /** The last join's refusal, shown in the lobby; null once a join starts again or got in. */
  readonly admissionRefusal: AdmissionRefusal | null;
  /** The Janus token and TURN credentials expired without a renewal: the call may drop (Confer keeps trying). */
  readonly renewalFailed: boolean;
  /** In the room's waiting room, until a moderator lets us in. */
  readonly waitingForAdmission: boolean;
  /** As a moderator of a room with a waiting room: who waits there, in the order they came. */
  readonly waitingPeople: readonly WaitingPerson[];
}

export interface CallState extends SessionState, RoomState, LocalMediaState, QualityState, MessagingState, PreferenceState, AdmissionState {}

export const initialSessionState: SessionState = { phase: 'idle', room: null, displayName: '', error: null, moderator: false, reconnects: 0 };

export const initialRoomState: RoomState = { selfId: null, selfScreenId: null, roster: {}, remoteMedia: {}, remoteVideoShown: {}, layout: 'grid', activeSpeakerId: null };

export const initialLocalMediaState: LocalMediaState = {
  audioMuted: false,
  videoMuted: false,
  screenSharing: false,
  audioModerated: false,
  localAudio: null,
  localVideo: null,
  localScreen: null,
  localScreenAudio: null,
  cameras: [],
  microphones: [],
  speakers: [],
  cameraId: null,
  microphoneId: null,
  speakerId: null,
  deviceProblem: null,
  deviceNotice: null,
  deviceOffer: null,
};

export const initialQualityState: QualityState = { mediaProblem: null, audioOnly: false, stats: {}, iceRestarts: 0 };

export const initialMessagingState: MessagingState = { roomChat: initialRoomChatState, handRaised: false };

export const initialPreferenceState: PreferenceState = { ...DEFAULT_CALL_PREFERENCES, preferencesReset: [] };

export const initialAdmissionState: AdmissionState = { admissionRefusal: null, renewalFailed: false, waitingForAdmission: false, waitingPeople: [] };

export const initialCallState: CallState = {
  ...initialSessionState,
  ...initialRoomState,
  ...initialLocalMediaState,
  ...initialQualityState,
  ...initialMessagingState,
  ...initialPreferenceState,
  ...initialAdmissionState,
};

const sessionSlice: StateCreator<CallState, [], [], SessionState> = () => initialSessionState;
const roomSlice: StateCreator<CallState, [], [], RoomState> = () => initialRoomState;
const localMediaSlice: StateCreator<CallState, [], [], LocalMediaState> = () => initialLocalMediaState;
const qualitySlice: StateCreator<CallState, [], [], QualityState> = () => initialQualityState;
const messagingSlice: StateCreator<CallState, [], [], MessagingState> = () => initialMessagingState;
const preferenceSlice: StateCreator<CallState, [], [], PreferenceState> = () => initialPreferenceState;
const admissionSlice: StateCreator<CallState, [], [], AdmissionState> = () => initialAdmissionState;

export type CallStore = ReturnType<typeof createCallStore>;

/** One store for the call, composed of one slice per part of the engine that writes it. */
export function createCallStore() {
  return createStore<CallState>()((...store) => ({
    ...sessionSlice(...store),
    ...roomSlice(...store),
    ...localMediaSlice(...store),
    ...qualitySlice(...store),
    ...messagingSlice(...store),
    ...preferenceSlice(...store),
    ...admissionSlice(...store),
  }));
}

/**
 * Writes one slice: a part of the engine gets the writer of the slice it
 * owns, so what it may change is visible in its type.
 */
export type SliceWriter<Slice> = (change: Partial<Slice> | ((state: CallState) => Partial<Slice>)) => void;

export function sliceWriter<Slice>(store: CallStore): SliceWriter<Slice> {
  return (change) => store.setState(change as Partial<CallState> | ((state: CallState) => Partial<CallState>));
}
