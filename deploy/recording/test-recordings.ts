/** Recordings built byte by byte for tests, as Janus 1.1 writes them. */

/** A data recording as Janus 1.1 writes one: header, then frames whose body starts with the int64 arrival time. */
export function dataRecording(header: object, frames: ReadonlyArray<{ atUs: number; payload: number[] }>, truncateBy = 0): Uint8Array {
  const json = Buffer.from(JSON.stringify(header));
  const parts: Buffer[] = [Buffer.from('MJR00002'), Buffer.from([json.length >> 8, json.length & 0xff]), json];
  frames.forEach(({ atUs, payload }, index) => {
    const head = Buffer.alloc(10 + 8);
    head.write('MEET', 0, 'latin1');
    head.writeUInt32BE(index * 10, 4);
    head.writeUInt16BE(8 + payload.length, 8);
    head.writeBigInt64BE(BigInt(atUs), 10);
    parts.push(head, Buffer.from(payload));
  });
  const whole = Buffer.concat(parts);
  return new Uint8Array(whole.subarray(0, whole.length - truncateBy));
}

/** VP8 payloads (RFC 7741): a descriptor with S set and PID 0, then the payload header, its P bit clear for a key frame. */
export const VP8_KEY_FRAME_START = [0x10, 0x00] as const;
export const VP8_DELTA_FRAME_START = [0x10, 0x01] as const;

/** A media recording: header, then one RTP packet (12-byte header and its payload, one zero byte unless given) per frame at its time and RTP timestamp. */

export function mediaRecording(header: object, packets: ReadonlyArray<{ atMs: number; rtpTimestamp: number; payload?: readonly number[] }>): Uint8Array {
  const json = Buffer.from(JSON.stringify(header));
  const parts: Buffer[] = [Buffer.from('MJR00002'), Buffer.from([json.length >> 8, json.length & 0xff]), json];
  packets.forEach(({ atMs, rtpTimestamp, payload = [0] }, index) => {
    const length = 12 + payload.length;
    const frame = Buffer.alloc(10 + length);
    frame.write('MEET', 0, 'latin1');
    frame.writeUInt32BE(atMs, 4);
    frame.writeUInt16BE(length, 8);
    frame[10] = 0x80;
    frame.writeUInt16BE(index & 0xffff, 12);
    frame.writeUInt32BE(rtpTimestamp >>> 0, 14);
    Buffer.from(payload).copy(frame, 22);
    parts.push(frame);
  });
  return new Uint8Array(Buffer.concat(parts));
}
