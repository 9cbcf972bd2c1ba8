import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { z } from 'zod';
import { MESSAGE_KIND } from '../../../../shared/board/update-guard.js';
import type { CallChannelPort } from './call-document.js';
import { markCatchUp } from './catch-up-marks.js';
import { DirectChannel, SignalSchema, type Signal } from './direct-channel.js';
import { ENVELOPE_KIND } from './envelope.js';
import { syncStep2Message } from './peer-messages.js';

/** A direct channel that is not open by then is given up, and the catch-up goes through Janus instead. */
export const DIRECT_OPEN_TIMEOUT_MS = 4000;
/**
 * A catch-up this small goes through Janus: opening a direct channel (ICE,
 * DTLS, SCTP) costs more than the copies Janus makes of a few kilobytes.
 */
export const DIRECT_MIN_BYTES = 64 * 1024;

/** A negotiation message, with the side of the direct channel that sent it. */
const RoutedSignalSchema = z.strictObject({ side: z.enum(['sender', 'receiver']), signal: SignalSchema });
type Side = z.infer<typeof RoutedSignalSchema>['side'];

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

export interface CatchUpChannelsOptions {
  readonly port: CallChannelPort;
  /** The catch-up we pulled from `from` arrived, already through the update guard. */
  readonly onCatchUp: (from: string, update: Uint8Array) => void;
  /** Whether we pull from `from` now: nobody else may open a channel to us. */
  readonly pullingFrom: (from: string) => boolean;
  /** The direct channel from `from` opened (the catch-up flows), or closed before the catch-up came. */
  readonly onFlowing: (from: string, flowing: boolean) => void;
  readonly onRefused: (from: string, reason: string) => void;
}

/**
 * One document's catch-ups to and from single members: a big one over a
 * direct channel, a small one (or one whose channel did not open) through
 * Janus. Two members may catch each other up at once, so the channels we
 * send on and those we receive on are kept apart.
 */
export class CatchUpChannels {
  private readonly sending = new Map<string, DirectChannel>();
  private readonly receiving = new Map<string, DirectChannel>();
  private closed = false;

  constructor(private readonly options: CatchUpChannelsOptions) {}

  /**
   * Sends `to` what it pulled, as `encode` makes it. When `likelyLarge` (it
   * lacks many items), the direct channel's offer goes out before encoding,
   * so the other side answers and ICE runs while we encode.
   */
  async send(to: string, encode: () => Uint8Array, likelyLarge: boolean): Promise<void> {
    const { port } = this.options;
    this.closeOne(this.sending, to);
    const early = likelyLarge ? await this.offerDirect(to).catch(() => null) : null;
    if (this.closed) return;
    const update = encode();
    markCatchUp('encoded', update.length);
    if (update.length < DIRECT_MIN_BYTES) {
      this.closeOne(this.sending, to);
      return port.send(ENVELOPE_KIND.catchUp, to, update);
    }
    try {
      const { opened } = early ?? (await this.offerDirect(to));
      const channel = await Promise.race([opened, new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('timeout')), DIRECT_OPEN_TIMEOUT_MS))]);
      markCatchUp('channel-open');
      channel.send(syncStep2Message(update) as Uint8Array<ArrayBuffer>);
      markCatchUp('sent');
    } catch {
      this.closeOne(this.sending, to);
      if (!this.closed && port.members().has(to)) port.send(ENVELOPE_KIND.catchUp, to, update);
    }
  }

  /** Opens a direct channel to `to`: resolves once the offer is sent, with the channel's opening (wrapped: a promise returned bare would be awaited). */
  private async offerDirect(to: string): Promise<{ readonly opened: Promise<RTCDataChannel> }> {
    const { direct, opened } = await DirectChannel.open(this.directOptions(to, 'sender'));
    this.sending.set(to, direct);
    return { opened };
  }

  async receiveSignal(from: string, payload: Uint8Array): Promise<void> {
    let routed: z.infer<typeof RoutedSignalSchema>;
    try {
      routed = RoutedSignalSchema.parse(JSON.parse(textDecoder.decode(payload)));
    } catch {
      return this.options.onRefused(from, 'malformed signal');
    }
    const { side, signal } = routed;
    // What the sending side says is for our receiving end, and the other way round.
    let direct = side === 'sender' ? this.receiving.get(from) : this.sending.get(from);
    if (side === 'sender' && signal.type === 'description' && signal.description.type === 'offer') {
      if (!this.options.pullingFrom(from) || this.closed) return;
      direct?.close();
      const answering = DirectChannel.answer(this.directOptions(from, 'receiver'), {
        message: (message) => this.receive(from, message),
        // Only the channel still awaited counts: one closed after its message was delivered is done.
        flowing: (flowing) => {
          if (this.receiving.get(from) === answering) this.options.onFlowing(from, flowing);
        },
      });
      direct = answering;
      this.receiving.set(from, answering);
    }
    await direct?.receive(signal).catch(() => undefined);
  }

  close(peer: string): void {
    this.closeOne(this.sending, peer);
    this.closeOne(this.receiving, peer);
  }

  closeAll(): void {
    this.closed = true;
    for (const direct of [...this.sending.values(), ...this.receiving.values()]) direct.close();
    this.sending.clear();
    this.receiving.clear();
  }

  /** The direct channel's one message: a sync step 2, already through the update guard. */
  private receive(from: string, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    this.closeOne(this.receiving, from);
    if (decoding.readVarUint(decoder) !== MESSAGE_KIND.sync || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return this.options.onRefused(from, 'unexpected message');
    this.options.onCatchUp(from, decoding.readVarUint8Array(decoder));
  }

  private directOptions(peer: string, side: Side) {
    return {
      rtc: this.options.port.rtc(),
      signal: (signal: Signal) => this.options.port.send(ENVELOPE_KIND.signal, peer, textEncoder.encode(JSON.stringify({ side, signal }))),
      onRefused: (reason: string) => this.options.onRefused(peer, reason),
    };
  }

  private closeOne(directs: Map<string, DirectChannel>, peer: string): void {
    directs.get(peer)?.close();
    directs.delete(peer);
  }
}
