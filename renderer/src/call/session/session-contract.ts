import type { JanusCredentials } from '../janus/janus-session.js';
import type { ScreenCapture } from '../media/capture.js';
import type { RemoteFeedMedia } from '../janus/subscriber.js';
import type { VideoRoomEvent } from '../janus/videoroom-messages.js';

/** The Janus server a session talks to. */
export interface JanusEndpoint {
  readonly url: string;
  readonly credentials: JanusCredentials;
  /** Close the socket of a server that stays silent (janus/liveness-watch.ts): with other nodes to go to, a hung one is left. */
  readonly watchSilence?: boolean;
}

/** Our local media, as a session publishes it. */
export interface SessionMedia {
  microphone(): Promise<MediaStreamTrack | null>;
  camera(): Promise<MediaStreamTrack | null>;
  muted(): { readonly audio: boolean; readonly video: boolean };
  /** What the publisher sends of the microphone: nothing while muted. */
  sentAudio(track: MediaStreamTrack | null): MediaStreamTrack | null;
  /** A screen share still running from an earlier session, to publish again; or null. */
  runningScreen(): ScreenCapture | null;
}

/** What a session reports; nothing is reported once it is disposed. */
export interface SessionEvents {
  roomEvent(event: VideoRoomEvent): void;
  /** The room let us in (our `joined`), reported in the next task so the subscription's request leaves first. */
  admitted(): void;
  /** The camera publisher is up: the subscription can be told what to want. */
  published(): void;
  remoteMedia(media: Readonly<Record<string, RemoteFeedMedia>>): void;
  /** A data-channel message relayed from a publisher, unparsed. */
  roomData(data: unknown): void;
  /** Our own data channel opened: the room can hear us. */
  roomChannelOpen(): void;
  /** The running screen share could not be published again. */
  screenLost(): void;
  /** Our screen share's feed id, told before it joins so the roster never lists it; null once it stops. */
  screenFeed(feedId: string | null): void;
  /** Whether the room sends `talking` events: true for a room we created, from the room list otherwise, null when unknown. */
  talkingEvents(sent: boolean | null): void;
  /**
   * The WebSocket to Janus closed. `silent`: our liveness watch closed it, the node having answered nothing for
   * too long; such a node is not claimed (a hung one takes the socket and answers nothing), the room is placed again.
   */
  socketLost(silent: boolean): void;
}
