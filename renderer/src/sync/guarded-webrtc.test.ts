import * as encoding from 'lib0/encoding';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { FRAMED_MARKER, MAX_FRAME_BYTES, PART } from '../../../shared/board/chunking.js';
import { guardDataChannel } from './guarded-webrtc.js';

/** Chromium's data-channel limit. */
const CHANNEL_LIMIT = 256 * 1024;

/**
 * Stands in for one end of an RTCDataChannel: enforces the message limit like
 * Chromium, counts what is buffered, and delivers to its twin asynchronously.
 */
class FakeChannel extends EventTarget {
  label = 'test';
  readyState: RTCDataChannelState = 'open';
  binaryType = 'blob';
  bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  twin: FakeChannel | null = null;
  largestSent = 0;
  /** Every message handed to this end, as sent. */
  readonly sent: Uint8Array[] = [];
  /** When true, nothing drains until drain() is called. */
  holding = false;

  send(data: Uint8Array): void {
    if (data.byteLength > CHANNEL_LIMIT) throw new TypeError('message too large');
    this.largestSent = Math.max(this.largestSent, data.byteLength);
    const copy = data.slice();
    this.sent.push(copy);
    this.bufferedAmount += copy.byteLength;
    queueMicrotask(() => this.twin?.dispatchEvent(new MessageEvent('message', { data: copy.buffer })));
    if (!this.holding) queueMicrotask(() => this.drain());
  }

  drain(): void {
    this.bufferedAmount = 0;
    this.dispatchEvent(new Event('bufferedamountlow'));
  }

  close(): void {
    this.readyState = 'closed';
    this.dispatchEvent(new Event('close'));
  }
}

function pair(): { a: FakeChannel; b: FakeChannel } {
  const a = new FakeChannel();
  const b = new FakeChannel();
  a.twin = b;
  b.twin = a;
  return { a, b };
}

/** A y-webrtc sync message of exactly `size` bytes, carrying a real Yjs update with a binary value. */
function syncMessageOfSize(size: number): Uint8Array<ArrayBuffer> {
  let payload = Math.max(0, size - 40);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const doc = new Y.Doc();
    doc.getMap('m').set('k', new Uint8Array(payload).fill(7));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
    const message = encoding.toUint8Array(encoder);
    if (message.length === size) return new Uint8Array(message);
    payload += size - message.length;
  }
  throw new Error(`cannot build a message of ${size} bytes`);
}

async function flush(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('guarded data channel', () => {
  test.each([100, MAX_FRAME_BYTES - 1, MAX_FRAME_BYTES, MAX_FRAME_BYTES + 1, CHANNEL_LIMIT - 1, CHANNEL_LIMIT, CHANNEL_LIMIT + 1, 3 * 1024 * 1024])(
    'a %i-byte message arrives whole while no frame reaches the channel limit',
    async (size) => {
      const { a, b } = pair();
      const refusals: string[] = [];
      const sender = guardDataChannel(a as unknown as RTCDataChannel, (reason) => refusals.push(reason));
      const receiver = guardDataChannel(b as unknown as RTCDataChannel, (reason) => refusals.push(reason));
      const received: Uint8Array[] = [];
      receiver.onmessage = (event: MessageEvent<ArrayBuffer>) => received.push(new Uint8Array(event.data));
      const message = syncMessageOfSize(size);
      sender.send(message);
      await flush();
      expect(refusals).toEqual([]);
      expect(received).toHaveLength(1);
      expect(Buffer.compare(received[0] as Uint8Array, message)).toBe(0);
      expect(a.largestSent).toBeLessThanOrEqual(MAX_FRAME_BYTES);
      if (size <= MAX_FRAME_BYTES) {
        // It fits: on the wire it is exactly the y-webrtc message, as stock y-webrtc sends it.
        expect(a.sent).toHaveLength(1);
        expect(Buffer.compare(a.sent[0] as Uint8Array, message)).toBe(0);
      } else {
        expect(a.sent.every((part) => part[0] === FRAMED_MARKER)).toBe(true);
      }
    },
  );

  test('a stock y-webrtc peer, sending raw messages up to the channel limit, is understood', async () => {
    const { a, b } = pair();
    const refusals: string[] = [];
    const receiver = guardDataChannel(b as unknown as RTCDataChannel, (reason) => refusals.push(reason));
    const received: Uint8Array[] = [];
    receiver.onmessage = (event: MessageEvent<ArrayBuffer>) => received.push(new Uint8Array(event.data));
    const messages = [syncMessageOfSize(60), syncMessageOfSize(CHANNEL_LIMIT - 1)];
    // No guard on the sending side: these are stock y-webrtc's sends.
    for (const message of messages) a.send(message);
    await flush();
    expect(refusals).toEqual([]);
    expect(received.map((message, index) => Buffer.compare(message, messages[index] as Uint8Array))).toEqual([0, 0]);
  });

  test('the empty answer stock y-webrtc gives to a part it cannot read is ignored, and that peer is kept', async () => {
    const { a, b } = pair();
    const refusals: string[] = [];
    const receiver = guardDataChannel(b as unknown as RTCDataChannel, (reason) => refusals.push(reason));
    let delivered = 0;
    receiver.onmessage = () => (delivered += 1);
    a.send(new Uint8Array(0));
    a.send(syncMessageOfSize(80));
    await flush();
    expect(refusals).toEqual([]);
    expect(delivered).toBe(1);
    expect(b.readyState).toBe('open');
  });

  test('a bad frame still drops the peer: a following part with no first one', async () => {
    const { a, b } = pair();
    const refusals: string[] = [];
    const receiver = guardDataChannel(b as unknown as RTCDataChannel, (reason) => refusals.push(reason));
    let delivered = 0;
    receiver.onmessage = () => (delivered += 1);
    a.send(new Uint8Array([FRAMED_MARKER, PART.next, 0, 2, 0, 0]));
    a.send(syncMessageOfSize(80));
    await flush();
    expect(delivered).toBe(0);
    expect(refusals).toEqual(['framing: unexpected-part']);
    expect(b.readyState).toBe('closed');
  });

  test('sending waits for the browser buffer to drain instead of overfilling it', async () => {
    const { a, b } = pair();
    a.holding = true;
    const sender = guardDataChannel(a as unknown as RTCDataChannel, () => undefined);
    const receiver = guardDataChannel(b as unknown as RTCDataChannel, () => undefined);
    let delivered = 0;
    receiver.onmessage = () => (delivered += 1);
    sender.send(syncMessageOfSize(8 * 1024 * 1024));
    expect(a.bufferedAmount).toBeLessThanOrEqual(1024 * 1024 + MAX_FRAME_BYTES);
    expect(sender.bufferedAmount).toBeGreaterThan(7 * 1024 * 1024);
    while (a.bufferedAmount > 0) {
      a.drain();
      await flush();
    }
    expect(delivered).toBe(1);
  });

  test('a crafted message is refused before Yjs sees it, and the peer is disconnected', async () => {
    const { a, b } = pair();
    const refusals: string[] = [];
    const receiver = guardDataChannel(b as unknown as RTCDataChannel, (reason) => refusals.push(reason));
    let delivered = 0;
    receiver.onmessage = () => (delivered += 1);
    // A raw sync update that announces 2^50 clients in a few bytes.
    a.send(new Uint8Array([0, 2, 9, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0]));
    await flush();
    expect(delivered).toBe(0);
    expect(refusals).toEqual(['message: malformed']);
    expect(b.readyState).toBe('closed');
  });

  test('a crafted message in parts is refused once reassembled, before Yjs sees it', async () => {
    const { a, b } = pair();
    const refusals: string[] = [];
    const receiver = guardDataChannel(b as unknown as RTCDataChannel, (reason) => refusals.push(reason));
    let delivered = 0;
    receiver.onmessage = () => (delivered += 1);
    // A sync update that fills the message (65,631 bytes, past one frame) and announces 2^31 structs in it.
    const crafted = new Uint8Array(MAX_FRAME_BYTES + 100);
    crafted.set([0, 2, 0xdf, 0x80, 0x04, 1, 0x80, 0x80, 0x80, 0x80, 0x08]);
    const sender = guardDataChannel(a as unknown as RTCDataChannel, () => undefined);
    sender.send(crafted);
    await flush();
    expect(a.sent.length).toBe(2);
    expect(delivered).toBe(0);
    expect(refusals).toEqual(['message: malformed']);
  });

  test('a message announced above the size bound is refused at its first part', async () => {
    const { a, b } = pair();
    const refusals: string[] = [];
    guardDataChannel(b as unknown as RTCDataChannel, (reason) => refusals.push(reason));
    const first = new Uint8Array(MAX_FRAME_BYTES);
    first.set([FRAMED_MARKER, PART.first]);
    new DataView(first.buffer).setUint32(2, 0xffffffff);
    a.send(first);
    await flush();
    expect(refusals).toEqual(['framing: too-large']);
  });

  test('an update that makes the receiver throw disconnects that peer only', async () => {
    const bad = pair();
    const good = pair();
    const refusals: string[] = [];
    const badReceiver = guardDataChannel(bad.b as unknown as RTCDataChannel, (reason) => refusals.push(reason));
    const goodReceiver = guardDataChannel(good.b as unknown as RTCDataChannel, (reason) => refusals.push(reason));
    const goodSender = guardDataChannel(good.a as unknown as RTCDataChannel, () => undefined);
    const badSender = guardDataChannel(bad.a as unknown as RTCDataChannel, () => undefined);
    badReceiver.onmessage = () => {
      throw new Error('Yjs could not apply this');
    };
    let goodDelivered = 0;
    goodReceiver.onmessage = () => (goodDelivered += 1);
    badSender.send(syncMessageOfSize(500));
    goodSender.send(syncMessageOfSize(500));
    await flush();
    goodSender.send(syncMessageOfSize(700));
    await flush();
    expect(refusals).toEqual(['apply: Yjs could not apply this']);
    expect(bad.b.readyState).toBe('closed');
    expect(good.b.readyState).toBe('open');
    expect(goodDelivered).toBe(2);
  });
});
