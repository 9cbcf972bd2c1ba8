import { z } from 'zod';
import { guardDataChannel } from '../guarded-webrtc.js';

/**
 * A newcomer's catch-up goes to it alone: Janus would copy anything sent on
 * our publisher's channel to every participant. So the peer that catches
 * it up opens a WebRTC data channel straight to it, negotiated through the
 * call's own channel (only people Janus let into the room can negotiate),
 * sends the one message, and closes it. The channel is guarded like a
 * board peer's: framed below the channel limit, paced against its buffer,
 * and checked by the update guard on arrival.
 */
export const CATCH_UP_CHANNEL_LABEL = 'confer-catch-up';

export const SignalSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('description'), description: z.strictObject({ type: z.enum(['offer', 'answer']), sdp: z.string().max(64 * 1024) }) }),
  z.strictObject({
    type: z.literal('candidate'),
    candidate: z.object({ candidate: z.string().max(1024), sdpMid: z.string().max(64).nullable().optional(), sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional() }),
  }),
]);
export type Signal = z.infer<typeof SignalSchema>;

export interface DirectChannelOptions {
  readonly rtc: RTCConfiguration;
  /** Sends a negotiation message to the other side, through the call. */
  readonly signal: (signal: Signal) => void;
  /** The other side sent data that broke the update guard or the framing. */
  readonly onRefused: (reason: string) => void;
}

export interface DirectChannelEvents {
  message(message: Uint8Array): void;
  /** True once the channel is open, false once it closed. */
  flowing(flowing: boolean): void;
}

/** One end of a short-lived direct channel: the sender opens it, the receiver answers. */
export class DirectChannel {
  private readonly pc: RTCPeerConnection;
  private channel: RTCDataChannel | null = null;
  private closed = false;

  private constructor(private readonly options: DirectChannelOptions) {
    this.pc = new RTCPeerConnection(options.rtc);
    this.pc.addEventListener('icecandidate', ({ candidate }) => {
      if (candidate) options.signal({ type: 'candidate', candidate: { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex } });
    });
  }

  /** The side with the data: creates the channel and the offer; `send` works once it is open. */
  static async open(options: DirectChannelOptions): Promise<{ direct: DirectChannel; opened: Promise<RTCDataChannel> }> {
    const direct = new DirectChannel(options);
    const channel = guardDataChannel(direct.pc.createDataChannel(CATCH_UP_CHANNEL_LABEL, { ordered: true }), options.onRefused);
    direct.channel = channel;
    const opened = new Promise<RTCDataChannel>((resolve, reject) => {
      channel.onopen = () => resolve(channel);
      // The receiver closes the channel once it has the whole message: only then may this side let go.
      channel.onclose = () => {
        reject(new Error('the direct channel closed'));
        direct.close();
      };
    });
    // A failed negotiation must not surface as an unhandled rejection: the caller races this against a deadline.
    opened.catch(() => undefined);
    const offer = await direct.pc.createOffer();
    await direct.pc.setLocalDescription(offer);
    options.signal({ type: 'description', description: { type: 'offer', sdp: offer.sdp ?? '' } });
    return { direct, opened };
  }

  /**
   * The side being caught up: answers the offer that `signal` brings, hands
   * over each whole message that arrives, and says when the channel opens
   * (data starts to flow) and closes.
   */
  static answer(options: DirectChannelOptions, events: DirectChannelEvents): DirectChannel {
    const direct = new DirectChannel(options);
    direct.pc.addEventListener('datachannel', ({ channel }) => {
      if (channel.label !== CATCH_UP_CHANNEL_LABEL || direct.channel) return channel.close();
      const guarded = guardDataChannel(channel, options.onRefused);
      guarded.onmessage = (event: MessageEvent<ArrayBuffer>) => events.message(new Uint8Array(event.data));
      guarded.onclose = () => events.flowing(false);
      direct.channel = guarded;
      if (channel.readyState === 'open') events.flowing(true);
      else guarded.onopen = () => events.flowing(true);
    });
    return direct;
  }

  /** Applies a negotiation message from the other side. */
  async receive(signal: Signal): Promise<void> {
    if (this.closed) return;
    if (signal.type === 'candidate') {
      await this.pc.addIceCandidate(signal.candidate).catch(() => undefined);
      return;
    }
    await this.pc.setRemoteDescription(signal.description);
    if (signal.description.type === 'offer') {
      const answer = await this.pc.createAnswer();
      await this.pc.setLocalDescription(answer);
      this.options.signal({ type: 'description', description: { type: 'answer', sdp: answer.sdp ?? '' } });
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.channel?.close();
    this.pc.close();
  }
}
