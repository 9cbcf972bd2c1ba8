import type { Page } from 'playwright-core';

/** What one page sent on its data channels since the last reset, sorted by what it was. */
export interface SendCounts {
  /** Board or annotation updates through the call (an envelope carrying a sync message). */
  readonly documentMessages: number;
  readonly documentBytes: number;
  readonly largestDocumentMessage: number;
  /** Cursors and the like through the call. */
  readonly awarenessMessages: number;
  /** Catch-up handshakes and negotiation through the call. */
  readonly controlMessages: number;
  /** Every byte sent on the call's channel, that is through Janus. */
  readonly roomBytes: number;
  /** Messages on a direct catch-up channel. */
  readonly catchUpMessages: number;
  /** Everything else (chat as text, y-webrtc peers). */
  readonly otherMessages: number;
}

declare global {
  interface Window {
    __sends?: { -readonly [Key in keyof SendCounts]: SendCounts[Key] };
  }
}

/**
 * Counts every `RTCDataChannel.send` in the page from its first script on.
 * A call's envelope is read just far enough to tell updates from awareness
 * (see renderer/src/sync/call-room/envelope.ts): version, sender, kind,
 * document, addressee, fragment flag, then the payload's first byte.
 */
export async function countDataChannelSends(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const zero = () => ({ documentMessages: 0, documentBytes: 0, largestDocumentMessage: 0, awarenessMessages: 0, controlMessages: 0, roomBytes: 0, catchUpMessages: 0, otherMessages: 0 });
    window.__sends = zero();
    const readUint = (bytes: Uint8Array, at: { i: number }): number => {
      let value = 0;
      let shift = 0;
      for (;;) {
        const byte = bytes[at.i++] ?? 0;
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
        if (byte < 0x80) return value;
      }
    };
    const skipString = (bytes: Uint8Array, at: { i: number }): void => {
      const length = readUint(bytes, at);
      at.i += length;
    };
    const send = RTCDataChannel.prototype.send;
    RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: string | ArrayBuffer | ArrayBufferView | Blob) {
      const counts = window.__sends ?? zero();
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
      if (this.label === 'confer-catch-up') counts.catchUpMessages += 1;
      else if (this.label !== 'confer-room' || !bytes) counts.otherMessages += 1;
      else {
        counts.roomBytes += bytes.byteLength;
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
          counts.documentMessages += 1;
          counts.documentBytes += bytes.byteLength;
          counts.largestDocumentMessage = Math.max(counts.largestDocumentMessage, bytes.byteLength);
        } else if (kind === 0 && first === 1) counts.awarenessMessages += 1;
        else counts.controlMessages += 1;
      }
      send.call(this, data as never);
    };
    (window as unknown as { __resetSends: () => void }).__resetSends = () => {
      window.__sends = zero();
    };
  });
}

export async function resetSends(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __resetSends: () => void }).__resetSends());
}

export async function readSends(page: Page): Promise<SendCounts> {
  return page.evaluate(() => ({ ...(window.__sends as SendCounts) }));
}
