import { cameraDescriptions, screenFeedId, StreamDescription } from '../feed-labels.js';
import { JanusRequestError, VideoRoomErrorCode } from '../janus/janus-request-error.js';
import type { PublisherOptions } from '../janus/publisher.js';
import type { VideoRoomHandle } from '../janus/videoroom-handle.js';
import { RoomExistsSchema } from '../janus/videoroom-messages.js';
import { roomCreationRequest } from '../room-settings.js';
import type Session from 'janus-gateway-js/src/session.js';

/** What protects a room: the pin to enter it and the secret to moderate it. Both optional. */
export interface RoomAccess {
  readonly pin?: string | undefined;
  readonly secret?: string | undefined;
}

/** What a call joins with; every session of the call (the first and each rejoin) uses the same. */
export interface CallParams {
  readonly room: string;
  readonly displayName: string;
  readonly access: RoomAccess;
  readonly rtc: RTCConfiguration;
}

/** Creates the room unless it exists; our PIN and secret protect a room we create. */
export async function ensureRoom(handle: VideoRoomHandle, room: string, access: RoomAccess): Promise<void> {
  const exists = RoomExistsSchema.safeParse(await handle.request({ request: 'exists', room }));
  if (exists.success && exists.data.exists) return;
  try {
    await handle.request(roomCreationRequest(room, access));
  } catch (error) {
    // Another participant created it between our two requests: that is the room we want.
    if (!(error instanceof JanusRequestError && error.code === VideoRoomErrorCode.roomExists)) throw error;
  }
}

interface CameraPublishing {
  readonly handle: VideoRoomHandle;
  readonly feedId: string;
  readonly audio: MediaStreamTrack | null;
  readonly video: MediaStreamTrack | null;
  /** Read when the offer is described, so a mute toggled while joining is announced right. */
  readonly muted: () => { readonly audio: boolean; readonly video: boolean };
}

export function cameraPublisherOptions(
  session: Session,
  params: CallParams,
  camera: CameraPublishing,
  onEvent: NonNullable<PublisherOptions['onEvent']>,
  warn: (message: string) => void,
): PublisherOptions {
  return {
    session,
    handle: camera.handle,
    room: params.room,
    feedId: camera.feedId,
    display: params.displayName,
    pin: params.access.pin,
    rtc: params.rtc,
    kind: 'camera',
    audio: camera.audio,
    video: camera.video,
    descriptions: (mids) => cameraDescriptions(mids.audio, mids.video, camera.muted().audio, camera.muted().video),
    onEvent,
    warn,
  };
}

export function screenPublisherOptions(session: Session, params: CallParams, track: MediaStreamTrack, ownerId: string, warn: (message: string) => void): PublisherOptions {
  return {
    session,
    room: params.room,
    feedId: screenFeedId(ownerId),
    display: params.displayName,
    pin: params.access.pin,
    rtc: params.rtc,
    kind: 'screen',
    audio: null,
    video: track,
    descriptions: (mids) => (mids.video ? [{ mid: mids.video, description: StreamDescription.screen }] : []),
    warn,
  };
}
