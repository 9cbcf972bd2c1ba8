import type { BrowserContext, Page } from 'playwright-core';

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
}

/** The page's window, holding its counts. */
type CountingWindow = { dataChannelSends?: { -readonly [kind in keyof DataChannelSends]: number } };

/** Runs in the page before its scripts: wraps the browser's own send, which Confer's guarded channel and stock y-webrtc both end in. */
function installCounter(): void {
  const zero = () => ({ updates: 0, parts: 0, handshakes: 0, awareness: 0, other: 0 });
  const counting = window as unknown as CountingWindow;
  counting.dataChannelSends = zero();
  const send = RTCDataChannel.prototype.send;
  const firstBytes = (data: unknown): Uint8Array | null => {
    if (data instanceof ArrayBuffer) return new Uint8Array(data, 0, Math.min(2, data.byteLength));
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, Math.min(2, data.byteLength));
    return null;
  };
  RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: never) {
    const counts = counting.dataChannelSends ?? (counting.dataChannelSends = zero());
    const bytes = firstBytes(data);
    if (bytes?.[0] === 0) {
      if (bytes[1] === 2) counts.updates += 1;
      else counts.handshakes += 1;
    } else if (bytes?.[0] === 0x7f) counts.parts += 1;
    else if (bytes?.[0] === 1 || bytes?.[0] === 3) counts.awareness += 1;
    else counts.other += 1;
    return send.call(this, data);
  };
}

/** Counts every data-channel message the context's pages send, from their next navigation on. */
export async function countDataChannelSends(context: BrowserContext): Promise<void> {
  await context.addInitScript(installCounter);
}

export async function resetSends(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as CountingWindow).dataChannelSends = { updates: 0, parts: 0, handshakes: 0, awareness: 0, other: 0 };
  });
}

export async function readSends(page: Page): Promise<DataChannelSends> {
  const counts = await page.evaluate(() => (window as unknown as CountingWindow).dataChannelSends);
  if (!counts) throw new Error('the page counts no data-channel messages: countDataChannelSends must run before it loads');
  return counts;
}

/** The messages that carry document changes: what a stroke costs. */
export function documentMessages(sends: DataChannelSends): number {
  return sends.updates + sends.parts;
}
