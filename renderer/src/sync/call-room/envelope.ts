import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Documents in a call travel on the camera publisher's data channel, which
 * Janus relays to every subscriber of our feed (chat shares it as text;
 * documents are binary). Janus does not say which publisher sent a
 * message, and one subscription carries every publisher's messages, so each
 * message names its sender, its document and its addressee.
 */
export const ENVELOPE_VERSION = 1;

export const ENVELOPE_KIND = {
  /** A y-webrtc peer message (a sync update or awareness) for everyone. */
  peerMessage: 0,
  /** A newcomer's state vector: who can catch it up? */
  hello: 1,
  /** To a newcomer: "I can", with the sender's state vector. */
  offer: 2,
  /** To the chosen peer: "catch me up", with the newcomer's state vector. */
  pull: 3,
  /** To one peer: WebRTC negotiation of the direct catch-up channel (JSON). */
  signal: 4,
  /** To one peer: a catch-up update sent through Janus because no direct channel opened. */
  catchUp: 5,
} as const;
export type EnvelopeKind = (typeof ENVELOPE_KIND)[keyof typeof ENVELOPE_KIND];
const KINDS = new Set<number>(Object.values(ENVELOPE_KIND));

/** Feed ids are UUIDs and document names are short: anything longer is not ours. */
const MAX_NAME_LENGTH = 256;

export interface Envelope {
  readonly from: string;
  readonly kind: EnvelopeKind;
  /** The document's room name (`confer-board:…`). */
  readonly doc: string;
  /** The one feed this is for; '' for everyone. */
  readonly to: string;
  /** True on every fragment of a long message but its last. */
  readonly more: boolean;
  readonly payload: Uint8Array;
}

export function encodeEnvelope(envelope: Envelope): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ENVELOPE_VERSION);
  encoding.writeVarString(encoder, envelope.from);
  encoding.writeVarUint(encoder, envelope.kind);
  encoding.writeVarString(encoder, envelope.doc);
  encoding.writeVarString(encoder, envelope.to);
  encoding.writeVarUint(encoder, envelope.more ? 1 : 0);
  encoding.writeVarUint8Array(encoder, envelope.payload);
  return encoding.toUint8Array(encoder);
}

function readName(decoder: decoding.Decoder): string | null {
  const name = decoding.readVarString(decoder);
  return name.length <= MAX_NAME_LENGTH ? name : null;
}

/** Reads one data-channel message; null for anything that is not a whole, well-formed envelope. */
export function decodeEnvelope(bytes: Uint8Array): Envelope | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== ENVELOPE_VERSION) return null;
    const from = readName(decoder);
    const kind = decoding.readVarUint(decoder);
    const doc = readName(decoder);
    const to = readName(decoder);
    const more = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (from === null || !from || doc === null || !doc || to === null || !KINDS.has(kind) || more > 1 || decoding.hasContent(decoder)) return null;
    return { from, kind: kind as EnvelopeKind, doc, to, more: more === 1, payload };
  } catch {
    // lib0 throws on a truncated buffer: that is a malformed message, nothing more.
    return null;
  }
}

/**
 * Janus limits a data-channel message to about 64 KB. Payloads are cut
 * below that, leaving room for the envelope's names.
 */
export const MAX_ENVELOPE_PAYLOAD = 60 * 1024;

/** One logical message as the envelopes that carry it, in order. */
export function fragmentEnvelope(envelope: Omit<Envelope, 'more'>, maxPayload = MAX_ENVELOPE_PAYLOAD): Uint8Array[] {
  const { payload } = envelope;
  if (payload.length <= maxPayload) return [encodeEnvelope({ ...envelope, more: false })];
  const frames: Uint8Array[] = [];
  for (let offset = 0; offset < payload.length; offset += maxPayload) {
    const end = Math.min(offset + maxPayload, payload.length);
    frames.push(encodeEnvelope({ ...envelope, payload: payload.subarray(offset, end), more: end < payload.length }));
  }
  return frames;
}

export type Reassembled = { readonly kind: 'message'; readonly envelope: Envelope } | { readonly kind: 'partial' } | { readonly kind: 'refused'; readonly reason: string };

/**
 * Rebuilds long messages per sender. Janus keeps each publisher's messages
 * in order and we send a message's fragments back to back, so a fragment
 * that does not continue its sender's message, or a message beyond
 * `maxBytes`, is refused.
 */
export function createEnvelopeReassembler(maxBytes: number) {
  const pending = new Map<string, { first: Envelope; parts: Uint8Array[]; bytes: number }>();
  return {
    push(envelope: Envelope): Reassembled {
      const open = pending.get(envelope.from);
      if (!open) {
        if (!envelope.more) return { kind: 'message', envelope };
        pending.set(envelope.from, { first: envelope, parts: [envelope.payload], bytes: envelope.payload.length });
        return { kind: 'partial' };
      }
      if (open.first.kind !== envelope.kind || open.first.doc !== envelope.doc || open.first.to !== envelope.to) {
        pending.delete(envelope.from);
        return { kind: 'refused', reason: 'interleaved fragments' };
      }
      open.bytes += envelope.payload.length;
      if (open.bytes > maxBytes) {
        pending.delete(envelope.from);
        return { kind: 'refused', reason: 'too large' };
      }
      open.parts.push(envelope.payload);
      if (envelope.more) return { kind: 'partial' };
      pending.delete(envelope.from);
      const payload = new Uint8Array(open.bytes);
      let offset = 0;
      for (const part of open.parts) {
        payload.set(part, offset);
        offset += part.length;
      }
      return { kind: 'message', envelope: { ...open.first, more: false, payload } };
    },
    /** A sender left (or reconnected): what it had half sent is dropped. */
    forget(from: string): void {
      pending.delete(from);
    },
  };
}
