import { cameraDescriptions, screenDescriptions } from '../feed-labels.js';
import { JanusRequestError, VideoRoomErrorCode } from '../janus/janus-request-error.js';
import type { PublisherConnection, PublisherOptions } from '../janus/publisher.js';
import { isIdTypeRefusal, otherIdKind, roomAddress, type IdKind, type RoomAddress } from '../janus/room-ids.js';
import type { VideoRoomHandle } from '../janus/videoroom-handle.js';
import type { ScreenCapture } from '../media/capture.js';
import { RoomExistsSchema, RoomListSchema } from '../janus/videoroom-messages.js';
import { roomCreationRequest } from '../room-settings.js';
import type Session from 'janus-gateway-js/src/session.js';
import type { WaitingRoomLink } from '../waiting/waiting-gate.js';

/** What protects a room: the pin to enter it and the secret to moderate it. Both optional. */
export interface RoomAccess {
  readonly pin?: string | undefined;
  readonly secret?: string | undefined;
  /** The room's numeric id on Janus, when a control plane's ticket gave it (and made sure the room exists). */
  readonly janusRoom?: number | undefined;
  /** A room this join creates lets people in one by one, from a waiting room (the lobby's choice, with a secret). */
  readonly waitingRoom?: boolean | undefined;
  /** The call's place in a waiting room (waiting/waiting-gate.ts): the token it joins with. */
  readonly waiting?: WaitingRoomLink | undefined;
}

/** What a call joins with; every session of the call (the first and each rejoin) uses the same. */
export interface CallParams {
  readonly room: string;
  readonly displayName: string;
  readonly access: RoomAccess;
  readonly rtc: RTCConfiguration;
  /** Asked while the session opens, before anything is published; false ends the join (the person is asked first). */
  readonly mayPublish?: () => Promise<boolean>;
}

/** What finding a room needs of a handle: its requests. */
export type RoomRequests = Pick<VideoRoomHandle, 'request'>;

/** The room as found on the server: how to address it, and whether we created it (with our settings). */
export interface FoundRoom {
  readonly address: RoomAddress;
  readonly created: boolean;
}

/** Asks whether the room exists under the ids of one kind; Janus refuses the wrong kind with 430. */
async function roomExists(handle: RoomRequests, address: RoomAddress): Promise<boolean> {
  const exists = RoomExistsSchema.safeParse(await handle.request({ request: 'exists', room: address.room }));
  return exists.success && exists.data.exists;
}

/**
 * Whether the server holds the room, learning from it whether it names
 * rooms by strings or numbers (the kind tried first is the one it used last).
 */
export async function findRoom(handle: RoomRequests, room: string, preferredKind: IdKind): Promise<{ readonly address: RoomAddress; readonly exists: boolean }> {
  const address = roomAddress(room, preferredKind);
  try {
    return { address, exists: await roomExists(handle, address) };
  } catch (error) {
    if (!isIdTypeRefusal(error)) throw error;
    const other = roomAddress(room, otherIdKind(preferredKind));
    return { address: other, exists: await roomExists(handle, other) };
  }
}

/**
 * Finds the room, learning from the server whether it names rooms by
 * strings or numbers (the kind tried first is the one it used last), and
 * creates it only when it does not exist: a room the server already has is
 * joined as it is. Our PIN and secret protect a room we create.
 */
export async function findOrCreateRoom(handle: RoomRequests, room: string, access: RoomAccess, preferredKind: IdKind): Promise<FoundRoom> {
  const ticketed: RoomAddress | null = access.janusRoom === undefined ? null : { kind: 'numeric', room: access.janusRoom };
  const { address, exists } = ticketed ? { address: ticketed, exists: await roomExists(handle, ticketed) } : await findRoom(handle, room, preferredKind);
  if (exists) return { address, created: false };
  try {
    await handle.request(roomCreationRequest(address.room, access, room, access.waitingRoom && access.waiting?.token ? [access.waiting.token] : undefined));
    return { address, created: true };
  } catch (error) {
    // Another participant created it between our two requests: that is the room we want.
    if (error instanceof JanusRequestError && error.code === VideoRoomErrorCode.roomExists) return { address, created: false };
    throw error;
  }
}

/**
 * Whether the room sends `talking` events (its `audiolevel_event`), from
 * the server's room list; null when the list does not show it (a private
 * room, or an answer without the field).
 */
export async function roomSendsTalking(handle: RoomRequests, address: RoomAddress): Promise<boolean | null> {
  const listed = RoomListSchema.safeParse(await handle.request({ request: 'list' }));
  if (!listed.success) return null;
  return listed.data.list.find((entry) => entry.room === String(address.room))?.audiolevel_event ?? null;
}

interface CameraPublishing {
  readonly handle: VideoRoomHandle;
  readonly connection: PublisherConnection;
  readonly address: RoomAddress;
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
    connection: camera.connection,
    address: camera.address,
    feedId: camera.feedId,
    display: params.displayName,
    pin: params.access.pin,
    token: params.access.waiting?.token ?? undefined,
    rtc: params.rtc,
    kind: 'camera',
    audio: camera.audio,
    video: camera.video,
    descriptions: (mids) => cameraDescriptions(mids.audio, mids.video, camera.muted().audio, camera.muted().video),
    onEvent,
    warn,
  };
}

/** A screen share: its own feed id, its owner named in its video's description, and the computer's sound when shared. */
export interface ScreenPublishing {
  readonly address: RoomAddress;
  readonly feedId: string;
  readonly ownerId: string;
  readonly screen: ScreenCapture;
}

export function screenPublisherOptions(session: Session, params: CallParams, screen: ScreenPublishing, warn: (message: string) => void): PublisherOptions {
  return {
    session,
    address: screen.address,
    feedId: screen.feedId,
    display: params.displayName,
    pin: params.access.pin,
    token: params.access.waiting?.token ?? undefined,
    rtc: params.rtc,
    kind: 'screen',
    audio: screen.screen.audio,
    video: screen.screen.video,
    descriptions: (mids) => screenDescriptions(mids.audio, mids.video, screen.ownerId),
    warn,
  };
}
