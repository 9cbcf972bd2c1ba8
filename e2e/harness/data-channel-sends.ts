import type { BrowserContext, Page } from 'playwright-core';

/** What went through Janus on the call's channel (`confer-room`), read from each envelope. */
export interface CallSends {
  /** Board or annotation updates (an envelope carrying a sync message). */
  readonly documentMessages: number;
  readonly documentBytes: number;
  readonly largestDocumentMessage: number;
  /** Cursors and the like. */
  readonly awarenessMessages: number;
  /** Catch-up handshakes and negotiation. */
  readonly controlMessages: number;
  /** Every byte sent on the call's channel. */
  readonly bytes: number;
}

/** Data-channel messages a page sent, by what they carry. */
export interface DataChannelSends {
  /** y-webrtc sync updates (type 0, step 2): document changes, sent raw. */
  readonly updates: number;
  /** Parts of a message too long for one frame (they start with 0x7f, see shared/board/chunking.ts). */
  readonly parts: number;
  /** Sync steps 1 and 2, exchanged when two peers connect. */
  readonly handshakes: number;
  /** Awareness updates and queries (cursors, names): counted apart from the document. */
  readonly awareness: number;
  readonly other: number;
  readonly call: CallSends;
  /** Messages on a direct catch-up channel between two callers. */
  readonly catchUpMessages: number;
}

type Mutable<T> = { -readonly [Key in keyof T]: T[Key] extends object ? Mutable<T[Key]> : T[Key] };
/** The page's window, holding its counts. */
type CountingWindow = { dataChannelSends?: Mutable<DataChannelSends>; resetDataChannelSends?: () => void };

/**
 * Runs in the page before its scripts: wraps the browser's own send, which
 * Confer's channels and stock y-webrtc all end in. A call's envelope is read
 * just far enough to tell updates from awareness (see
 * renderer/src/sync/call-room/envelope.ts): version, sender, kind,
 * document, addressee, fragment flag, then the payload's first byte.
 */
function installCounter(): void {
  const zero = (): Mutable<DataChannelSends> => ({
    updates: 0,
    parts: 0,
    handshakes: 0,
    awareness: 0,
    other: 0,
    call: { documentMessages: 0, documentBytes: 0, largestDocumentMessage: 0, awarenessMessages: 0, controlMessages: 0, bytes: 0 },
    catchUpMessages: 0,
  });
  const counting = window as unknown as CountingWindow;
  counting.dataChannelSends = zero();
  counting.resetDataChannelSends = () => {
    counting.dataChannelSends = zero();
  };
  const readUint = (bytes: Uint8Array, at: { i: number }): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at.i++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const skipString = (bytes: Uint8Array, at: { i: number }): void => {
    const length = readUint(bytes, at);
    at.i += length;
  };
  const countEnvelope = (call: Mutable<CallSends>, bytes: Uint8Array): void => {
    call.bytes += bytes.byteLength;
    const at = { i: 0 };
    readUint(bytes, at);
    skipString(bytes, at);
    const kind = readUint(bytes, at);
    skipString(bytes, at);
    skipString(bytes, at);
    readUint(bytes, at);
    readUint(bytes, at);
    const first = bytes[at.i];
    if (kind === 0 && first === 0) {
      call.documentMessages += 1;
      call.documentBytes += bytes.byteLength;
      call.largestDocumentMessage = Math.max(call.largestDocumentMessage, bytes.byteLength);
    } else if (kind === 0 && first === 1) call.awarenessMessages += 1;
    else call.controlMessages += 1;
  };
  const countPeerMessage = (counts: Mutable<DataChannelSends>, bytes: Uint8Array | null): void => {
    if (bytes?.[0] === 0) {
      if (bytes[1] === 2) counts.updates += 1;
      else counts.handshakes += 1;
    } else if (bytes?.[0] === 0x7f) counts.parts += 1;
    else if (bytes?.[0] === 1 || bytes?.[0] === 3) counts.awareness += 1;
    else counts.other += 1;
  };
  const send = RTCDataChannel.prototype.send;
  RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: never) {
    const counts = counting.dataChannelSends ?? (counting.dataChannelSends = zero());
    const raw = data as unknown;
    const bytes = raw instanceof ArrayBuffer ? new Uint8Array(raw) : ArrayBuffer.isView(raw) ? new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) : null;
    if (this.label === 'confer-catch-up') counts.catchUpMessages += 1;
    else if (this.label === 'confer-room') {
      if (bytes) countEnvelope(counts.call, bytes);
      else counts.other += 1;
    } else countPeerMessage(counts, bytes);
    return send.call(this, data);
  };
}

/** Counts every data-channel message the pages send, from their next navigation on. */
export async function countDataChannelSends(target: BrowserContext | Page): Promise<void> {
  await target.addInitScript(installCounter);
}

export async function resetSends(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as CountingWindow).resetDataChannelSends?.());
}

export async function readSends(page: Page): Promise<DataChannelSends> {
  const counts = await page.evaluate(() => (window as unknown as CountingWindow).dataChannelSends);
  if (!counts) throw new Error('the page counts no data-channel messages: countDataChannelSends must run before it loads');
  return counts;
}

/** The messages that carry document changes between y-webrtc peers: what a stroke costs outside a call. */
export function documentMessages(sends: DataChannelSends): number {
  return sends.updates + sends.parts;
}
