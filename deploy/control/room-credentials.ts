import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Everything secret about a room is derived from the deployment's secret and
 * the room's name, so every control-plane process agrees without storing
 * anything: the PIN people type, the room's numeric id on Janus, the PIN
 * Janus checks, and the room secret Janus wants for editing or destroying it.
 */
export interface RoomCredentials {
  /** 12 digits: what a moderator hands out and people type. */
  readonly pin: string;
  /** Positive and below 2^48: exact in JSON and in Janus's 64-bit ids. */
  readonly janusRoom: number;
  /**
   * The room's `pin` on Janus, handed only to admitted clients. It differs from
   * the typed PIN, so learning it (an invite holder does) never admits anyone
   * to the control plane.
   */
  readonly janusPin: string;
  /** The room's `secret` on Janus; never leaves the control plane. */
  readonly roomSecret: string;
}

function derive(secret: string, label: string, room: string): Buffer {
  return createHmac('sha256', secret).update(`confer-${label}\u0000${room}`).digest();
}

const PIN_DIGITS = 12;

export function roomCredentials(secret: string, room: string): RoomCredentials {
  // 64 bits reduced modulo 10^12: the bias is below 10^-7, far under any guessing advantage.
  const pinValue = derive(secret, 'pin', room).readBigUInt64BE(0) % 10n ** BigInt(PIN_DIGITS);
  const janusRoom = derive(secret, 'janus-room', room).readUIntBE(0, 6) || 1;
  return {
    pin: pinValue.toString().padStart(PIN_DIGITS, '0'),
    janusRoom,
    janusPin: derive(secret, 'janus-pin', room).toString('base64url'),
    roomSecret: derive(secret, 'room-secret', room).toString('base64url'),
  };
}

/** Compares in constant time, so response times say nothing about how many digits were right. */
export function pinMatches(secret: string, room: string, pin: string): boolean {
  const expected = Buffer.from(roomCredentials(secret, room).pin);
  const given = Buffer.from(pin);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
