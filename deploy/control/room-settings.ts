import type { RoomCredentials } from './room-credentials.js';

/**
 * The VideoRoom `create` the control plane sends: the same room settings as
 * rooms clients create themselves (renderer/src/call/room-settings.ts), plus
 * what only the control plane holds: the admin key, and the derived id, PIN
 * and secret.
 */
export function controlRoomCreation(room: string, credentials: RoomCredentials, adminKey: string): Record<string, unknown> {
  return {
    request: 'create',
    admin_key: adminKey,
    room: credentials.janusRoom,
    pin: credentials.janusPin,
    secret: credentials.roomSecret,
    description: room,
    /** Left out of `list`: a token holder should not learn which rooms exist. */
    is_private: true,
    permanent: false,
    publishers: 16,
    notify_joining: true,
    audiolevel_event: true,
    audio_active_packets: 50,
    audio_level_average: 40,
    fir_freq: 10,
  };
}
