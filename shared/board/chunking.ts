/**
 * Framing that keeps every data-channel message under the channel's limit.
 *
 * Chromium's data channels refuse messages above 256 KiB, and y-webrtc
 * swallows the error, so a large sync message is lost and the receiver then
 * waits forever for the structs it announced. Each application message is
 * sent as one or more frames:
 *   [0] payload                     a whole message that fits in one frame
 *   [1] u32 total length, payload   the first part of a longer message
 *   [2] payload                     a following part
 * Frames of one message are sent back to back on an ordered, reliable
 * channel, so parts never interleave.
 */

/** Well under Chromium's 256 KiB maximum, and the size every WebRTC stack accepts. */
export const MAX_FRAME_BYTES = 64 * 1024;
const HEADER_WHOLE = 1;
const HEADER_FIRST = 5;

export const FRAME = { whole: 0, first: 1, next: 2 } as const;

export function encodeFrames(message: Uint8Array, maxFrameBytes = MAX_FRAME_BYTES): Uint8Array[] {
  if (message.length + HEADER_WHOLE <= maxFrameBytes) {
    const frame = new Uint8Array(message.length + HEADER_WHOLE);
    frame[0] = FRAME.whole;
    frame.set(message, HEADER_WHOLE);
    return [frame];
  }
  const frames: Uint8Array[] = [];
  const firstPayload = maxFrameBytes - HEADER_FIRST;
  const first = new Uint8Array(maxFrameBytes);
  first[0] = FRAME.first;
  new DataView(first.buffer).setUint32(1, message.length);
  first.set(message.subarray(0, firstPayload), HEADER_FIRST);
  frames.push(first);
  for (let offset = firstPayload; offset < message.length; offset += maxFrameBytes - HEADER_WHOLE) {
    const part = message.subarray(offset, offset + maxFrameBytes - HEADER_WHOLE);
    const frame = new Uint8Array(part.length + HEADER_WHOLE);
    frame[0] = FRAME.next;
    frame.set(part, HEADER_WHOLE);
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
 * Rebuilds messages from frames. A peer announcing more than `maxMessageBytes`
 * is refused at the first frame, before anything is buffered; any framing
 * error is reported so the caller can drop that peer.
 */
export function createReassembler(maxMessageBytes: number, maxFrameBytes = MAX_FRAME_BYTES) {
  let buffer: Uint8Array | null = null;
  let filled = 0;
  return {
    push(frame: Uint8Array): ReassemblyResult {
      if (frame.length < 1 || frame.length > maxFrameBytes) return { kind: 'error', reason: REASSEMBLY_ERROR.badFrame };
      switch (frame[0]) {
        case FRAME.whole: {
          if (buffer) return { kind: 'error', reason: REASSEMBLY_ERROR.unexpectedPart };
          if (frame.length - HEADER_WHOLE > maxMessageBytes) return { kind: 'error', reason: REASSEMBLY_ERROR.tooLarge };
          return { kind: 'message', message: frame.slice(HEADER_WHOLE) };
        }
        case FRAME.first: {
          if (buffer || frame.length < HEADER_FIRST) return { kind: 'error', reason: REASSEMBLY_ERROR.unexpectedPart };
          const total = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(1);
          if (total > maxMessageBytes) return { kind: 'error', reason: REASSEMBLY_ERROR.tooLarge };
          const payload = frame.subarray(HEADER_FIRST);
          // A long message always fills its first frame; anything else is malformed.
          if (payload.length >= total || frame.length !== maxFrameBytes) return { kind: 'error', reason: REASSEMBLY_ERROR.badFrame };
          buffer = new Uint8Array(total);
          buffer.set(payload);
          filled = payload.length;
          return { kind: 'partial' };
        }
        case FRAME.next: {
          if (!buffer) return { kind: 'error', reason: REASSEMBLY_ERROR.unexpectedPart };
          const payload = frame.subarray(HEADER_WHOLE);
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
        }
        default:
          return { kind: 'error', reason: REASSEMBLY_ERROR.badFrame };
      }
    },
  };
}
