import { createReassembler, encodeFrames } from '../../../shared/board/chunking.js';
import { checkPeerMessage, MAX_PEER_MESSAGE_BYTES } from '../../../shared/board/update-guard.js';

/**
 * What simple-peer (inside y-webrtc) receives as `peerOpts.wrtc`: the
 * browser's WebRTC classes, except that every data channel it creates or
 * accepts is wrapped so that
 *  - an outgoing message that fits in one frame is sent as stock y-webrtc
 *    sends it, and a longer one is cut into marked parts below the channel
 *    limit (chunking.ts); both are queued against the channel's buffer
 *    (Chromium refuses sends beyond 16 MiB buffered, and y-webrtc hands us
 *    a whole board state at once);
 *  - incoming parts are reassembled with a size bound, and each message,
 *    raw or reassembled, is checked by the update guard before y-webrtc and
 *    Yjs see it.
 * A peer that breaks any rule is disconnected; the others are unaffected.
 */

/** Keep at most this much in the browser's send buffer; the rest waits in our queue. */
const SEND_HIGH_WATER_BYTES = 1024 * 1024;

/** The bytes as an ArrayBuffer of their own (a raw message already is one: no copy then). */
function wholeBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
}

export type RefusalListener = (reason: string) => void;

type Handler = ((event: unknown) => void) | null;

class GuardedDataChannel {
  onopen: Handler = null;
  onclose: Handler = null;
  onerror: Handler = null;
  onmessage: Handler = null;
  onbufferedamountlow: Handler = null;
  bufferedAmountLowThreshold = 0;
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private readonly reassembler = createReassembler(MAX_PEER_MESSAGE_BYTES);
  private refused = false;

  constructor(
    private readonly channel: RTCDataChannel,
    private readonly onRefused: RefusalListener,
  ) {
    channel.binaryType = 'arraybuffer';
    channel.bufferedAmountLowThreshold = SEND_HIGH_WATER_BYTES / 2;
    channel.addEventListener('open', (event) => this.onopen?.(event));
    channel.addEventListener('close', (event) => this.onclose?.(event));
    channel.addEventListener('error', (event) => this.onerror?.(event));
    channel.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data));
    channel.addEventListener('bufferedamountlow', () => {
      this.flush();
      if (this.bufferedAmount <= this.bufferedAmountLowThreshold) this.onbufferedamountlow?.(new Event('bufferedamountlow'));
    });
  }

  get label(): string {
    return this.channel.label;
  }
  get readyState(): RTCDataChannelState {
    return this.channel.readyState;
  }
  get bufferedAmount(): number {
    return this.channel.bufferedAmount + this.queuedBytes;
  }
  get binaryType(): string {
    return 'arraybuffer';
  }
  set binaryType(_value: string) {
    // Always array buffers: messages are checked and reassembled as bytes.
  }

  send(data: ArrayBuffer | ArrayBufferView | string): void {
    if (this.channel.readyState !== 'open') throw new DOMException('The data channel is not open', 'InvalidStateError');
    const bytes =
      typeof data === 'string'
        ? new TextEncoder().encode(data)
        : data instanceof ArrayBuffer
          ? new Uint8Array(data)
          : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    for (const frame of encodeFrames(bytes)) {
      this.queue.push(frame);
      this.queuedBytes += frame.length;
    }
    this.flush();
  }

  close(): void {
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.channel.close();
  }

  private flush(): void {
    while (this.queue.length > 0 && this.channel.readyState === 'open' && this.channel.bufferedAmount < SEND_HIGH_WATER_BYTES) {
      const frame = this.queue.shift() as Uint8Array;
      this.queuedBytes -= frame.length;
      this.channel.send(frame as Uint8Array<ArrayBuffer>);
    }
  }

  private receive(data: unknown): void {
    if (this.refused) return;
    if (!(data instanceof ArrayBuffer)) return this.refuse('text frame');
    // Stock y-webrtc answers a message it cannot read (one of our framed parts) with an empty one:
    // it carries nothing, and dropping that peer for it would only make it reconnect.
    if (data.byteLength === 0) return;
    const result = this.reassembler.push(new Uint8Array(data));
    if (result.kind === 'partial') return;
    if (result.kind === 'error') return this.refuse(`framing: ${result.reason}`);
    const verdict = checkPeerMessage(result.message);
    if (!verdict.ok) return this.refuse(`message: ${verdict.reason}`);
    try {
      this.onmessage?.({ data: wholeBuffer(result.message) });
    } catch (error) {
      // Yjs threw while applying: this peer's data is bad, so stop listening to it.
      this.refuse(`apply: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private refuse(reason: string): void {
    this.refused = true;
    this.onRefused(reason);
    this.close();
  }
}

/** Wraps one data channel; exported for tests. */
export function guardDataChannel(channel: RTCDataChannel, onRefused: RefusalListener): RTCDataChannel {
  return new GuardedDataChannel(channel, onRefused) as unknown as RTCDataChannel;
}

export interface GuardedWebrtc {
  readonly RTCPeerConnection: typeof RTCPeerConnection;
  readonly RTCSessionDescription: typeof RTCSessionDescription;
  readonly RTCIceCandidate: typeof RTCIceCandidate;
}

export function createGuardedWebrtc(onRefused: RefusalListener): GuardedWebrtc {
  const wrap = (channel: RTCDataChannel): RTCDataChannel => guardDataChannel(channel, onRefused);

  class GuardedPeerConnection extends RTCPeerConnection {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      let handler: ((event: { channel: RTCDataChannel }) => void) | null = null;
      this.addEventListener('datachannel', (event) => handler?.({ channel: wrap(event.channel) }));
      // simple-peer assigns `ondatachannel`; the channel it receives must be the wrapped one.
      Object.defineProperty(this, 'ondatachannel', {
        get: () => handler,
        set: (value: typeof handler) => {
          handler = value;
        },
      });
    }

    override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
      return wrap(super.createDataChannel(label, init));
    }
  }

  return { RTCPeerConnection: GuardedPeerConnection, RTCSessionDescription, RTCIceCandidate };
}
