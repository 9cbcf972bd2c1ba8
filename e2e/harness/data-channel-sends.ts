// Counts what a page hands to its data channels: every
// RTCDataChannel.prototype.send call and its bytes, sorted by what the
// message carries. The app wraps its channels (framing, queues) but every
// wrapper ends in the prototype's send, so this sees what goes on the wire
// above SCTP, whatever the transport. End-to-end tests and benchmarks share it.
import type { BrowserContext, Page } from 'playwright-core';

/** What the sorted messages carry. */
export const SEND_CATEGORIES = [
  /** Yjs updates: in a call a peerMessage envelope carrying a sync message; outside, a y-webrtc sync update (0, 2). */
  'document',
  /** y-webrtc's sync steps 1 and 2, exchanged when two peers connect. */
  'handshake',
  /** Cursors, selections and presence: awareness updates (1) and queries (3). */
  'awareness',
  /** In a call: hello, offer, pull and signal envelopes, the catch-up's negotiation. */
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
 * Runs in the page before any app code. The envelope is read as
 * `renderer/src/sync/call-room/envelope.ts` writes it (varUint version,
 * varString from, varUint kind, varString doc, varString to, varUint more,
 * varUint8Array payload); a y-webrtc message raw or in the parts of
 * `shared/board/chunking.ts` (first byte 0x7f). A message cut into
 * fragments counts every fragment under its first one's category.
 */
function installCounter(): void {
  const ROOM_LABEL = 'confer-room';
  const CATCH_UP_LABEL = 'confer-catch-up';
  const FRAMED_MARKER = 0x7f;
  const counts: Partial<Record<string, { messages: number; bytes: number }>> = {};
  /** When each document update left on the call's channel (wall clock): where a stroke's latency stages start. */
  const documentSendTimes: number[] = [];
  const continuing = new WeakMap<RTCDataChannel, string>();
  const readVarUint = (bytes: Uint8Array, cursor: { at: number }): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[cursor.at++];
      if (byte === undefined) throw new Error('truncated');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const skipBytes = (bytes: Uint8Array, cursor: { at: number }): void => {
    // Read the length first: `cursor.at += read()` would add it to the position before the read.
    const length = readVarUint(bytes, cursor);
    cursor.at += length;
  };
  /** A y-webrtc message by its first two bytes. */
  const byMessage = (type: number | undefined, syncType: number | undefined): string =>
    type === 0 ? (syncType === 2 ? 'document' : 'handshake') : type === 1 || type === 3 ? 'awareness' : 'other';
  const classifyEnvelope = (channel: RTCDataChannel, bytes: Uint8Array): string => {
    const cursor = { at: 0 };
    readVarUint(bytes, cursor);
    skipBytes(bytes, cursor);
    const kind = readVarUint(bytes, cursor);
    skipBytes(bytes, cursor);
    skipBytes(bytes, cursor);
    const more = readVarUint(bytes, cursor) === 1;
    readVarUint(bytes, cursor);
    const first = bytes[cursor.at];
    // Through the call every sync message is an update: catch-ups have kinds of their own.
    const category =
      continuing.get(channel) ?? (kind === 0 ? (first === 0 ? 'document' : byMessage(first, undefined)) : kind === 5 ? 'catch-up-janus' : kind >= 1 && kind <= 4 ? 'catch-up-control' : 'other');
    if (more) continuing.set(channel, category);
    else continuing.delete(channel);
    return category;
  };
  const classifyPeerMessage = (channel: RTCDataChannel, bytes: Uint8Array): string => {
    if (bytes[0] !== FRAMED_MARKER) return byMessage(bytes[0], bytes[1]);
    // [marker, 2, payload] continues a message; [marker, 1, u32 length, payload] starts one.
    if (bytes[1] === 2) return continuing.get(channel) ?? 'other';
    const category = byMessage(bytes[6], bytes[7]);
    continuing.set(channel, category);
    return category;
  };
  const classify = (channel: RTCDataChannel, data: unknown): [string, number] => {
    if (typeof data === 'string') return [channel.label === ROOM_LABEL ? 'call-text' : 'other', new TextEncoder().encode(data).length];
    if (data instanceof Blob) return ['other', data.size];
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array();
    if (channel.label === CATCH_UP_LABEL) return ['catch-up-direct', bytes.length];
    if (channel.label === ROOM_LABEL) return [classifyEnvelope(channel, bytes), bytes.length];
    return [classifyPeerMessage(channel, bytes), bytes.length];
  };
  const send = RTCDataChannel.prototype.send;
  RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: never) {
    let category = 'other';
    let size = 0;
    try {
      [category, size] = classify(this, data);
    } catch {
      // A message this counter cannot read is still counted, as other.
    }
    const count = (counts[category] ??= { messages: 0, bytes: 0 });
    count.messages += 1;
    count.bytes += size;
    if (category === 'document' && this.label === ROOM_LABEL) documentSendTimes.push(performance.timeOrigin + performance.now());
    return send.call(this, data);
  };
  (window as unknown as { __dataChannelSends: unknown }).__dataChannelSends = {
    read: () => JSON.parse(JSON.stringify(counts)) as unknown,
    documentSendTimes: () => [...documentSendTimes],
    reset: () => {
      for (const key of Object.keys(counts)) delete counts[key];
      documentSendTimes.length = 0;
    },
  };
}

/** Counts every data-channel message the pages send, from their next navigation on. */
export async function countDataChannelSends(target: BrowserContext | Page): Promise<void> {
  // tsx (esbuild's keepNames) wraps the function's inner functions in `__name(...)`, which the page does not have.
  await target.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
  await target.addInitScript(installCounter);
}

export function emptySendCounts(): SendCounts {
  return Object.fromEntries(SEND_CATEGORIES.map((category) => [category, { messages: 0, bytes: 0 }])) as SendCounts;
}

export async function resetSends(pages: readonly Page[]): Promise<void> {
  await Promise.all(pages.map((page) => page.evaluate(() => (window as unknown as { __dataChannelSends: { reset(): void } }).__dataChannelSends.reset())));
}

/** One page's counts since its last reset. */
export async function readSends(page: Page): Promise<SendCounts> {
  const read = await page.evaluate(() => (window as unknown as { __dataChannelSends?: { read(): unknown } }).__dataChannelSends?.read());
  if (read === undefined) throw new Error('the page counts no data-channel messages: countDataChannelSends must run before it loads');
  return { ...emptySendCounts(), ...(read as Partial<SendCounts>) };
}

/** When the page sent each document update on the call's channel since its last reset, in wall-clock milliseconds. */
export async function readDocumentSendTimes(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __dataChannelSends: { documentSendTimes(): number[] } }).__dataChannelSends.documentSendTimes());
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

/** What a call page sent through Janus: everything but the direct catch-up channel and y-webrtc's handshakes (only the caller that bridges to peers outside the call has any). */
export function bytesThroughCall(counts: SendCounts): number {
  return SEND_CATEGORIES.filter((category) => category !== 'catch-up-direct' && category !== 'handshake').reduce((sum, category) => sum + counts[category].bytes, 0);
}
