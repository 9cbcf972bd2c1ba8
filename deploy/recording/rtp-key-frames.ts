/**
 * Whether an RTP packet begins a key frame, read from its payload
 * descriptor as janus-pp-rec reads it: a recorded video that starts at a
 * delta frame has nothing to decode, and janus-pp-rec, finding no key
 * frame, writes a 640x480 file whatever the camera's size.
 */
const RTP_HEADER_BYTES = 12;

/** Where the payload begins, past CSRCs and a header extension; null for a packet too short to have one. */
function payloadOffset(packet: Uint8Array): number | null {
  if (packet.length <= RTP_HEADER_BYTES) return null;
  const first = packet[0] ?? 0;
  let offset = RTP_HEADER_BYTES + (first & 0x0f) * 4;
  if (first & 0x10) {
    if (offset + 4 > packet.length) return null;
    offset += 4 + (((packet[offset + 2] ?? 0) << 8) | (packet[offset + 3] ?? 0)) * 4;
  }
  return offset < packet.length ? offset : null;
}

/** RFC 7741: the start of partition 0 (S set, PID 0) whose payload header's P bit is clear. */
function vp8KeyFrameStart(packet: Uint8Array, at: number): boolean {
  const descriptor = packet[at] ?? 0;
  if ((descriptor & 0x10) === 0 || (descriptor & 0x07) !== 0) return false;
  let offset = at + 1;
  if (descriptor & 0x80) {
    const extension = packet[offset] ?? 0;
    offset += 1;
    if (extension & 0x80) offset += (packet[offset] ?? 0) & 0x80 ? 2 : 1;
    if (extension & 0x40) offset += 1;
    if (extension & 0x30) offset += 1;
  }
  return offset < packet.length && ((packet[offset] ?? 1) & 0x01) === 0;
}

/** RFC 9628: the beginning of a frame (B) that is not inter-picture predicted (P clear). */
function vp9KeyFrameStart(packet: Uint8Array, at: number): boolean {
  const descriptor = packet[at] ?? 0;
  return (descriptor & 0x08) !== 0 && (descriptor & 0x40) === 0;
}

/**
 * True when `packet` begins a VP8 or VP9 key frame. Codecs this does not
 * read (and audio, where every packet stands alone) count every packet
 * as a start, so nothing is skipped on their account.
 */
export function startsKeyFrame(packet: Uint8Array, codec: string): boolean {
  if (codec !== 'vp8' && codec !== 'vp9') return true;
  const at = payloadOffset(packet);
  if (at === null) return false;
  return codec === 'vp8' ? vp8KeyFrameStart(packet, at) : vp9KeyFrameStart(packet, at);
}
