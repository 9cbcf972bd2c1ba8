/**
 * Framing that keeps every data-channel message under the channel's limit,
 * while staying on stock y-webrtc's wire format whenever it can.
 *
 * Chromium's data channels refuse messages above 256 KiB, and y-webrtc
 * swallows the error, so a large sync message is lost and the receiver then
 * waits forever for the structs it announced. So:
 *  - a message that fits in one frame is sent raw, byte for byte what stock
 *    y-webrtc sends, so that a peer made of npm's yjs and y-webrtc reads it;
 *  - a longer one is cut into parts that start with FRAMED_MARKER:
 *      [marker, 1, u32 total length, payload]   the first part, filling a frame
 *      [marker, 2, payload]                     each following part
 * Parts of one message are sent back to back on an ordered, reliable
 * channel, so they never interleave with other messages.
 */

/** Well under Chromium's 256 KiB maximum, and the size every WebRTC stack accepts. */
export const MAX_FRAME_BYTES = 64 * 1024;

/**
 * The first byte of a framed part. Every y-webrtc message starts with its
 * type as a lib0 varUint (0 sync, 1 awareness, 3 query awareness; 4 only on
 * BroadcastChannel). A byte below 0x80 is a whole varUint, so a message
 * starting with 0x7f announces type 127, which y-webrtc never sends; a byte
 * of 0x80 or more would not do, as it may start a longer encoding of 0..3.
 */
export const FRAMED_MARKER = 0x7f;
export const PART = { first: 1, next: 2 } as const;
const HEADER_FIRST = 6;
const HEADER_NEXT = 2;

export function encodeFrames(message: Uint8Array, maxFrameBytes = MAX_FRAME_BYTES): Uint8Array[] {
  // A short message that happened to start with the marker is framed too, so raw and framed never collide.
  if (message.length <= maxFrameBytes && message[0] !== FRAMED_MARKER) return [message];
  const firstPayload = Math.min(message.length, maxFrameBytes - HEADER_FIRST);
  const first = new Uint8Array(HEADER_FIRST + firstPayload);
  first[0] = FRAMED_MARKER;
  first[1] = PART.first;
  new DataView(first.buffer).setUint32(2, message.length);
  first.set(message.subarray(0, firstPayload), HEADER_FIRST);
  const frames: Uint8Array[] = [first];
  for (let offset = firstPayload; offset < message.length; offset += maxFrameBytes - HEADER_NEXT) {
    const part = message.subarray(offset, offset + maxFrameBytes - HEADER_NEXT);
    const frame = new Uint8Array(part.length + HEADER_NEXT);
    frame[0] = FRAMED_MARKER;
    frame[1] = PART.next;
    frame.set(part, HEADER_NEXT);
    frames.push(frame);
  }
  return frames;
}

export const REASSEMBLY_ERROR = {
  tooLarge: 'too-large',
  unexpectedPart: 'unexpected-part',
  overlong: 'overlong',
  badFrame: 'bad-frame',
} as const;
export type ReassemblyError = (typeof REASSEMBLY_ERROR)[keyof typeof REASSEMBLY_ERROR];

export type ReassemblyResult =
  | { readonly kind: 'message'; readonly message: Uint8Array }
  | { readonly kind: 'partial' }
  | { readonly kind: 'error'; readonly reason: ReassemblyError };

/**
 * Rebuilds messages from what arrives: a raw message is passed on as it is
 * (it may share the frame's memory); framed parts are joined. A message
 * announcing more than `maxMessageBytes` is refused at its first part, before
 * anything is buffered; any framing error is reported so the caller can drop
 * that peer.
 */
export function createReassembler(maxMessageBytes: number, maxFrameBytes = MAX_FRAME_BYTES) {
  let buffer: Uint8Array | null = null;
  let filled = 0;

  const first = (frame: Uint8Array): ReassemblyResult => {
    if (buffer || frame.length < HEADER_FIRST) return { kind: 'error', reason: REASSEMBLY_ERROR.unexpectedPart };
    const total = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(2);
    if (total > maxMessageBytes) return { kind: 'error', reason: REASSEMBLY_ERROR.tooLarge };
    const payload = frame.subarray(HEADER_FIRST);
    if (payload.length > total) return { kind: 'error', reason: REASSEMBLY_ERROR.badFrame };
    if (payload.length === total) return { kind: 'message', message: payload.slice() };
    // A message continued in later parts always fills its first one; anything else is malformed.
    if (frame.length !== maxFrameBytes) return { kind: 'error', reason: REASSEMBLY_ERROR.badFrame };
    buffer = new Uint8Array(total);
    buffer.set(payload);
    filled = payload.length;
    return { kind: 'partial' };
  };

  const next = (frame: Uint8Array): ReassemblyResult => {
    if (!buffer) return { kind: 'error', reason: REASSEMBLY_ERROR.unexpectedPart };
    const payload = frame.subarray(HEADER_NEXT);
    if (filled + payload.length > buffer.length) {
      buffer = null;
      return { kind: 'error', reason: REASSEMBLY_ERROR.overlong };
    }
    buffer.set(payload, filled);
    filled += payload.length;
    if (filled < buffer.length) return { kind: 'partial' };
    const message = buffer;
    buffer = null;
    return { kind: 'message', message };
  };

  return {
    push(frame: Uint8Array): ReassemblyResult {
      if (frame.length < 1) return { kind: 'error', reason: REASSEMBLY_ERROR.badFrame };
      if (frame[0] !== FRAMED_MARKER) {
        // Raw: the channel itself bounds its size (stock peers send up to its limit), the caller's bound still applies.
        if (buffer) return { kind: 'error', reason: REASSEMBLY_ERROR.unexpectedPart };
        if (frame.length > maxMessageBytes) return { kind: 'error', reason: REASSEMBLY_ERROR.tooLarge };
        return { kind: 'message', message: frame };
      }
      if (frame.length < HEADER_NEXT || frame.length > maxFrameBytes) return { kind: 'error', reason: REASSEMBLY_ERROR.badFrame };
      switch (frame[1]) {
        case PART.first:
          return first(frame);
        case PART.next:
          return next(frame);
        default:
          return { kind: 'error', reason: REASSEMBLY_ERROR.badFrame };
      }
    },
  };
}
