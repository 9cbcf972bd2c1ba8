import type { JoinRequest } from '../../../shared/call/join-request.js';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import type { CallLayout, CallStore } from './call-store.js';
import type { ReactionEntry } from './chat/room-messages.js';
import type { RoomChannel } from './chat/room-channel.js';
import type { ShownLayers } from './media/shown-layers.js';
import type { Moderation } from './moderation.js';
import type { RoomAccess } from './session/room-entry.js';
import type { Preparable, WarmStart } from './session/warm-start.js';

export interface CallEngineOptions {
  readonly config: RuntimeConfig;
  readonly store: CallStore;
  readonly warn?: (message: string) => void;
}

export interface CallEngine {
  /** Opens camera and microphone (as the mute flags allow) for the lobby's preview. */
  preview(): Promise<void>;
  /** `mayPublish` is asked while the session opens, before anything is published; false ends the join quietly. */
  join(request: JoinRequest, access?: RoomAccess, mayPublish?: () => Promise<boolean>): Promise<void>;
  leave(): Promise<void>;
  setAudioMuted(muted: boolean): Promise<void>;
  setVideoMuted(muted: boolean): Promise<void>;
  selectCamera(deviceId: string): Promise<void>;
  selectMicrophone(deviceId: string): Promise<void>;
  startScreenShare(): Promise<void>;
  stopScreenShare(): Promise<void>;
  setLayout(layout: CallLayout): void;
  /**
   * Tiles report their role, rendered height and whether they are on screen, so the right simulcast layer (or
   * none) is received; while the room records, our camera encodes every layer (Janus records the top one).
   */
  readonly layers: Pick<ShownLayers, 'report' | 'forget' | 'keepEveryLayer'>;
  /** A remote tile's video showed its first frame: work waiting for the first remote frame may start. */
  reportFrameShown(feedId: string): void;
  /** Restarts ICE on every connection now (the stats panel's "Reconnect media"). */
  restartIce(): Promise<void>;
  sendChat(text: string): void;
  setHandRaised(raised: boolean): void;
  react(emoji: ReactionEntry['emoji']): void;
  muteParticipant(feedId: string): Promise<void>;
  removeParticipant(feedId: string): Promise<void>;
  /** Our publisher's data channel, for documents synced through the call. */
  readonly roomChannel: RoomChannel;
  /** The room the lobby shows (`aim`): with several Janus nodes, the join is prepared on that room's node. */
  readonly warm: Pick<WarmStart<Preparable>, 'aim'>;
  /** A moderator lets in, or turns away, someone in the room's waiting room (`waitingPeople`). */
  readonly moderation: Pick<Moderation, 'admit' | 'deny'>;
  /** The ICE configuration of the call now (TURN included), or null between calls. */
  rtcConfiguration(): RTCConfiguration | null;
}
