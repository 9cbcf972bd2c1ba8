import { roomCreationRequest } from '../../renderer/src/call/room-settings.js';
import type { RoomCredentials } from './room-credentials.js';

/**
 * The VideoRoom `create` the control plane sends: the room settings clients
 * use when they create rooms themselves (one source for both, a pure
 * function), plus what only the control plane holds: the admin key, and the
 * derived id, Janus PIN and room secret.
 */
export function controlRoomCreation(room: string, credentials: RoomCredentials, adminKey: string): Record<string, unknown> {
  return {
    ...roomCreationRequest(room, { pin: credentials.janusPin, secret: credentials.roomSecret }),
    room: credentials.janusRoom,
    admin_key: adminKey,
    /** Left out of `list`: a token holder should not learn which rooms exist. */
    is_private: true,
  };
}
