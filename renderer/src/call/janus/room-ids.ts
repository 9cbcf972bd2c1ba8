import { JanusRequestError, VideoRoomErrorCode } from './janus-request-error.js';

/**
 * How a VideoRoom names rooms and feeds: strings when the plugin runs with
 * `string_ids = true` (Confer's own stack), positive integers otherwise
 * (Janus's default, and Debian's stock configuration).
 */
export type IdKind = 'string' | 'numeric';

/** What a request carries as a room or feed id. */
export type WireId = string | number;

/** Janus keeps ids as 64-bit integers; JavaScript numbers stay exact up to 2^53 - 1. */
const MAX_NUMERIC_ID = Number.MAX_SAFE_INTEGER;
const DECIMAL_ID = /^[1-9][0-9]{0,15}$/;

/** The other kind: what to try when the server refused one. */
export function otherIdKind(kind: IdKind): IdKind {
  return kind === 'string' ? 'numeric' : 'string';
}

/** A room name that already is a room number ("1234"), as a number; null otherwise. */
export function roomNumberOf(room: string): number | null {
  if (!DECIMAL_ID.test(room)) return null;
  const value = Number(room);
  return value <= MAX_NUMERIC_ID ? value : null;
}

/**
 * A room name that is not a number still needs a number on a server with
 * numeric ids: every client derives the same one (32-bit FNV-1a of the
 * name, never 0), so people meeting in "standup" meet in the same room.
 */
export function derivedRoomNumber(room: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(room)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash === 0 ? 1 : hash;
}

/** The room id a request carries for a room name, on a server of this kind. */
export function roomWireId(room: string, kind: IdKind): WireId {
  return kind === 'string' ? room : (roomNumberOf(room) ?? derivedRoomNumber(room));
}

/** A feed id as a request carries it: feed ids are kept as strings everywhere else. */
export function feedWireId(feedId: string, kind: IdKind): WireId {
  if (kind === 'string') return feedId;
  const value = Number(feedId);
  if (!DECIMAL_ID.test(feedId) || value > MAX_NUMERIC_ID) throw new Error(`feed id ${feedId} is not a number, as this room needs`);
  return value;
}

/** Two random 32-bit words. */
const randomWords = (): readonly [number, number] => {
  const [high = 0, low = 0] = crypto.getRandomValues(new Uint32Array(2));
  return [high, low];
};

/** A fresh feed id of the kind the room uses: a UUID, or a random integer from 1 to 2^53 - 1. */
export function newFeedId(kind: IdKind, words: () => readonly [number, number] = randomWords): string {
  if (kind === 'string') return crypto.randomUUID();
  const [high, low] = words();
  // 21 high bits and 32 low bits: 53 bits, all exact in a double.
  const value = (high & 0x1f_ffff) * 2 ** 32 + (low >>> 0);
  return String(value === 0 ? 1 : value);
}

/** The room refused an id of the type it was given (430 "room should be a positive integer", or "...a string"). */
export function isIdTypeRefusal(error: unknown): boolean {
  return error instanceof JanusRequestError && error.code === VideoRoomErrorCode.invalidElement;
}

/** The room a request addresses and the kind of ids it takes: learnt once per session, used by every request. */
export interface RoomAddress {
  readonly kind: IdKind;
  /** The room id requests carry. */
  readonly room: WireId;
}

export function roomAddress(room: string, kind: IdKind): RoomAddress {
  return { kind, room: roomWireId(room, kind) };
}
