// Counts what a page hands to its data channels: every
// RTCDataChannel.prototype.send call and its bytes, sorted by what the
// message carries. The app wraps its channels (framing, queues) but every
// wrapper ends in the prototype's send, so this sees what goes on the wire
// above SCTP, whatever the transport.
import type { BrowserContext, Page } from 'playwright-core';

/** What the sorted messages carry. */
export const SEND_CATEGORIES = [
  /** Yjs updates: in a call a peerMessage envelope whose payload starts with 0; in y-webrtc a message starting with 0. */
  'document',
  /** Cursors, selections and presence: payload (or y-webrtc message) starting with 1 (or 3, an awareness query). */
  'awareness',
  /** In a call: hello, offer, pull and signal envelopes, the newcomer catch-up's negotiation. */
  'catch-up-control',
  /** In a call: a catch-up sent through Janus (envelope kind 5). */
  'catch-up-janus',
  /** Anything sent on the direct channel labelled `confer-catch-up`. */
  'catch-up-direct',
  /** Text on the call's channel: chat, hands, reactions. */
  'call-text',
  'other',
] as const;
export type SendCategory = (typeof SEND_CATEGORIES)[number];

export interface SendCount {
  messages: number;
  bytes: number;
}
export type SendCounts = Record<SendCategory, SendCount>;

/**
 * Page source, for `addInitScript`, so it runs before any app code. The
 * envelope is read as `renderer/src/sync/call-room/envelope.ts` writes it:
 * varUint version, varString from, varUint kind, varString doc, varString
 * to, varUint more, varUint8Array payload. A message cut into fragments
 * (envelope `more`, or the guarded channel's frames 1 and 2) counts every
 * fragment under its first one's category.
 */
export const COUNT_DATA_CHANNEL_SENDS = `(() => {
  const ROOM_LABEL = 'confer-room';
  const CATCH_UP_LABEL = 'confer-catch-up';
  const counts = {};
  const continuing = new WeakMap();
  const readVarUint = (bytes, cursor) => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[cursor.at++];
      if (byte === undefined) throw new Error('truncated');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  const skipBytes = (bytes, cursor) => {
    // Read the length first: \`cursor.at += read()\` would add it to the position before the read.
    const length = readVarUint(bytes, cursor);
    cursor.at += length;
  };
  const byMessageType = (type) => (type === 0 ? 'document' : type === 1 || type === 3 ? 'awareness' : 'other');
  const classifyEnvelope = (channel, bytes) => {
    const cursor = { at: 0 };
    readVarUint(bytes, cursor);
    skipBytes(bytes, cursor);
    const kind = readVarUint(bytes, cursor);
    skipBytes(bytes, cursor);
    skipBytes(bytes, cursor);
    const more = readVarUint(bytes, cursor) === 1;
    const length = readVarUint(bytes, cursor);
    const first = length > 0 ? bytes[cursor.at] : undefined;
    const category = continuing.get(channel)
      ?? (kind === 0 ? byMessageType(first) : kind === 5 ? 'catch-up-janus' : kind >= 1 && kind <= 4 ? 'catch-up-control' : 'other');
    if (more) continuing.set(channel, category);
    else continuing.delete(channel);
    return category;
  };
  const classifyFramed = (channel, bytes) => {
    // The guarded channel's frames: [0] whole message, [1] first part, [2] next part.
    if (bytes[0] === 2) return continuing.get(channel) ?? 'other';
    const category = byMessageType(bytes[0] === 0 ? bytes[1] : bytes[5]);
    if (bytes[0] === 1) continuing.set(channel, category);
    return category;
  };
  const classify = (channel, data) => {
    if (typeof data === 'string') return [channel.label === ROOM_LABEL ? 'call-text' : 'other', new TextEncoder().encode(data).length];
    if (data instanceof Blob) return ['other', data.size];
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (channel.label === CATCH_UP_LABEL) return ['catch-up-direct', bytes.length];
    if (channel.label === ROOM_LABEL) return [classifyEnvelope(channel, bytes), bytes.length];
    return [classifyFramed(channel, bytes), bytes.length];
  };
  const send = RTCDataChannel.prototype.send;
  RTCDataChannel.prototype.send = function (data) {
    try {
      const [category, bytes] = classify(this, data);
      const count = (counts[category] ??= { messages: 0, bytes: 0 });
      count.messages += 1;
      count.bytes += bytes;
    } catch {
      const count = (counts.other ??= { messages: 0, bytes: 0 });
      count.messages += 1;
    }
    return send.call(this, data);
  };
  window.__dataChannelSends = {
    read: () => JSON.parse(JSON.stringify(counts)),
    reset: () => { for (const key of Object.keys(counts)) delete counts[key]; },
  };
})()`;

export async function countDataChannelSends(context: BrowserContext): Promise<void> {
  await context.addInitScript(COUNT_DATA_CHANNEL_SENDS);
}

export function emptySendCounts(): SendCounts {
  return Object.fromEntries(SEND_CATEGORIES.map((category) => [category, { messages: 0, bytes: 0 }])) as SendCounts;
}

export async function resetSends(pages: readonly Page[]): Promise<void> {
  await Promise.all(pages.map((page) => page.evaluate('window.__dataChannelSends.reset()')));
}

/** One page's counts since its last reset. */
export async function readSends(page: Page): Promise<SendCounts> {
  const read = (await page.evaluate('window.__dataChannelSends.read()')) as Partial<SendCounts>;
  return { ...emptySendCounts(), ...read };
}

/** The counts of several pages, added up. */
export async function totalSends(pages: readonly Page[]): Promise<SendCounts> {
  const total = emptySendCounts();
  for (const counts of await Promise.all(pages.map(readSends))) {
    for (const category of SEND_CATEGORIES) {
      total[category].messages += counts[category].messages;
      total[category].bytes += counts[category].bytes;
    }
  }
  return total;
}
