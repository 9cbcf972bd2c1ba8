import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { checkPeerMessage, checkUpdate, MESSAGE_KIND } from '../../../../shared/board/update-guard.js';
import type { DocumentRoom } from '../document-transport.js';
import { DirectChannel, SignalSchema, type Signal } from './direct-channel.js';
import { ENVELOPE_KIND, type Envelope, type EnvelopeKind } from './envelope.js';

/** A newcomer asks again this often until someone offers to catch it up (its first hellos may beat the others' subscriptions to it). */
export const HELLO_INTERVAL_MS = 500;
/** After this many unanswered hellos it stops asking: nobody else has the document open, and whoever opens it later asks us. */
export const MAX_HELLOS = 40;
/** A direct channel that is not open by then is given up, and the catch-up goes through Janus instead. */
export const DIRECT_OPEN_TIMEOUT_MS = 4000;
/** A chosen peer that has not caught us up by then is given up, and we ask the room again. */
export const PULL_TIMEOUT_MS = 15_000;

/** What one document needs from the call's channel; the router provides it. */
export interface CallChannelPort {
  selfId(): string | null;
  /** Whether our publisher's channel is open now. */
  isOpen(): boolean;
  /** The others in the room now, by feed id. */
  members(): ReadonlySet<string>;
  rtc(): RTCConfiguration;
  /** Sends one message: to one feed, or to everyone with ''. */
  send(kind: EnvelopeKind, to: string, payload: Uint8Array): void;
}

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

function peerMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * One document (a board, a share's annotations) synced through the call.
 * Edits and awareness go up once on our channel and Janus fans them out: a
 * star, so nobody relays anyone else's messages. Catching up is the only
 * exchange between two peers: a newcomer says hello with its state vector,
 * the peers who have the document offer, the newcomer pulls from the first
 * to offer and sends the room what only it had; the chosen peer sends the
 * difference over a direct channel (Janus as a fallback).
 */
export class CallDocument {
  /** Feeds we heard from on this document, with the awareness clients each announced. */
  private readonly peers = new Map<string, Set<number>>();
  /** Feeds whose data broke the guard: nothing more from them is applied. */
  private readonly refused = new Set<string>();
  private readonly directs = new Map<string, DirectChannel>();
  private hellos = 0;
  private helloTimer: ReturnType<typeof setTimeout> | null = null;
  private pullTimer: ReturnType<typeof setTimeout> | null = null;
  /** The peer we pull from now, or null; set to '' once caught up. */
  private source: string | null = null;
  private destroyed = false;

  constructor(
    private readonly room: DocumentRoom,
    private readonly port: CallChannelPort,
  ) {
    room.doc.on('update', this.onDocUpdate);
    room.awareness.on('update', this.onAwarenessUpdate);
    this.channelOpened();
  }

  /** Our channel opened (a new call session): we may have missed anything, so catch up again. */
  channelOpened(): void {
    this.source = null;
    this.hellos = 0;
    this.reportStatus();
    this.sayHello();
  }

  membersChanged(): void {
    const members = this.port.members();
    for (const [feed, clients] of this.peers) {
      if (members.has(feed)) continue;
      this.peers.delete(feed);
      this.directs.get(feed)?.close();
      this.directs.delete(feed);
      removeAwarenessStates(this.room.awareness, [...clients].filter((client) => client !== this.room.doc.clientID), this);
    }
    this.reportStatus();
  }

  receive(envelope: Envelope): void {
    if (this.destroyed || this.refused.has(envelope.from) || !this.port.members().has(envelope.from)) return;
    if (!this.peers.has(envelope.from)) this.peers.set(envelope.from, new Set());
    switch (envelope.kind) {
      case ENVELOPE_KIND.peerMessage:
        return this.receivePeerMessage(envelope.from, envelope.payload);
      case ENVELOPE_KIND.hello:
        return this.receiveHello(envelope.from);
      case ENVELOPE_KIND.offer:
        return this.receiveOffer(envelope.from, envelope.payload);
      case ENVELOPE_KIND.pull:
        return void this.catchUp(envelope.from, envelope.payload);
      case ENVELOPE_KIND.signal:
        return void this.receiveSignal(envelope.from, envelope.payload);
      case ENVELOPE_KIND.catchUp:
        return this.applyCatchUp(envelope.from, envelope.payload);
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.room.doc.off('update', this.onDocUpdate);
    this.room.awareness.off('update', this.onAwarenessUpdate);
    if (this.helloTimer) clearTimeout(this.helloTimer);
    if (this.pullTimer) clearTimeout(this.pullTimer);
    for (const direct of this.directs.values()) direct.close();
    this.directs.clear();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    this.port.send(ENVELOPE_KIND.peerMessage, '', peerMessage((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_KIND.sync);
      syncProtocol.writeUpdate(encoder, update);
    }));
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === this) return;
    this.sendAwareness([...added, ...updated, ...removed]);
  };

  private sendAwareness(clients: number[]): void {
    if (clients.length === 0) return;
    const update = encodeAwarenessUpdate(this.room.awareness, clients);
    this.port.send(ENVELOPE_KIND.peerMessage, '', peerMessage((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_KIND.awareness);
      encoding.writeVarUint8Array(encoder, update);
    }));
  }

  private sayHello(): void {
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.helloTimer = null;
    if (this.destroyed || this.source !== null || !this.port.isOpen()) return;
    if (this.hellos >= MAX_HELLOS) return;
    this.hellos += 1;
    this.port.send(ENVELOPE_KIND.hello, '', Y.encodeStateVector(this.room.doc));
    this.helloTimer = setTimeout(() => this.sayHello(), HELLO_INTERVAL_MS);
  }

  private receiveHello(from: string): void {
    this.port.send(ENVELOPE_KIND.offer, from, Y.encodeStateVector(this.room.doc));
    // The newcomer sees our cursor without waiting for it to move.
    this.sendAwareness([this.room.doc.clientID]);
    this.reportStatus();
  }

  private receiveOffer(from: string, stateVector: Uint8Array): void {
    if (this.source !== null) return;
    let missing: Uint8Array;
    try {
      missing = Y.encodeStateAsUpdate(this.room.doc, stateVector);
    } catch {
      return this.refuse(from, 'malformed state vector');
    }
    this.source = from;
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.port.send(ENVELOPE_KIND.pull, from, Y.encodeStateVector(this.room.doc));
    // What only we have (edits made apart from the call) goes to everyone, once.
    if (!isEmptyUpdate(missing)) this.onDocUpdate(missing, null);
    this.pullTimer = setTimeout(() => {
      if (this.source !== from) return;
      this.source = null;
      this.hellos = 0;
      this.sayHello();
    }, PULL_TIMEOUT_MS);
  }

  /** Sends a newcomer what it lacks: over a direct channel when one opens in time, through Janus otherwise. */
  private async catchUp(to: string, stateVector: Uint8Array): Promise<void> {
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(this.room.doc, stateVector);
    } catch {
      return this.refuse(to, 'malformed state vector');
    }
    const message = peerMessage((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_KIND.sync);
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, update);
    });
    this.directs.get(to)?.close();
    try {
      const { direct, opened } = await DirectChannel.open(this.directOptions(to));
      this.directs.set(to, direct);
      const channel = await Promise.race([opened, new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('timeout')), DIRECT_OPEN_TIMEOUT_MS))]);
      channel.send(message as Uint8Array<ArrayBuffer>);
    } catch {
      this.directs.get(to)?.close();
      this.directs.delete(to);
      if (!this.destroyed && this.port.members().has(to)) this.port.send(ENVELOPE_KIND.catchUp, to, update);
    }
  }

  private async receiveSignal(from: string, payload: Uint8Array): Promise<void> {
    let signal: Signal;
    try {
      signal = SignalSchema.parse(JSON.parse(textDecoder.decode(payload)));
    } catch {
      return this.refuse(from, 'malformed signal');
    }
    let direct = this.directs.get(from);
    if (!direct && signal.type === 'description' && signal.description.type === 'offer') {
      // Only the peer we pull from may open a channel to us.
      if (this.source !== from) return;
      direct = DirectChannel.answer(this.directOptions(from), (message) => this.receiveDirect(from, message));
      this.directs.set(from, direct);
    }
    await direct?.receive(signal).catch(() => undefined);
  }

  private directOptions(peer: string) {
    return {
      rtc: this.port.rtc(),
      signal: (signal: Signal) => this.port.send(ENVELOPE_KIND.signal, peer, textEncoder.encode(JSON.stringify(signal))),
      onRefused: (reason: string) => this.refuse(peer, reason),
    };
  }

  /** The direct channel's one message: a sync step 2, already through the update guard. */
  private receiveDirect(from: string, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_KIND.sync || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return this.refuse(from, 'unexpected message');
    this.applyCatchUp(from, decoding.readVarUint8Array(decoder), true);
    this.directs.get(from)?.close();
    this.directs.delete(from);
  }

  private applyCatchUp(from: string, update: Uint8Array, checked = false): void {
    if (this.source !== from) return;
    if (!this.apply(from, update, checked)) return;
    this.source = '';
    if (this.pullTimer) clearTimeout(this.pullTimer);
    this.reportStatus();
  }

  private receivePeerMessage(from: string, message: Uint8Array): void {
    const verdict = checkPeerMessage(message);
    if (!verdict.ok) return this.refuse(from, `message: ${verdict.reason}`);
    const decoder = decoding.createDecoder(message);
    const kind = decoding.readVarUint(decoder);
    if (kind === MESSAGE_KIND.awareness) {
      const update = decoding.readVarUint8Array(decoder);
      this.noteAwarenessClients(from, update);
      try {
        applyAwarenessUpdate(this.room.awareness, update, this);
      } catch (error) {
        this.refuse(from, `apply: ${String(error)}`);
      }
      return;
    }
    if (kind !== MESSAGE_KIND.sync || decoding.readVarUint(decoder) !== syncProtocol.messageYjsUpdate) return this.refuse(from, 'unexpected message');
    this.apply(from, decoding.readVarUint8Array(decoder), true);
  }

  /** Which awareness clients a feed speaks for, so they can be removed when it leaves. */
  private noteAwarenessClients(from: string, update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const clients = this.peers.get(from);
    for (let count = decoding.readVarUint(decoder); count > 0; count -= 1) {
      clients?.add(decoding.readVarUint(decoder));
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
    }
  }

  /** `checked`: the update already passed the guard as part of its peer message. */
  private apply(from: string, update: Uint8Array, checked = false): boolean {
    const verdict = checked ? { ok: true as const } : checkUpdate(update);
    if (!verdict.ok) {
      this.refuse(from, `message: ${verdict.reason}`);
      return false;
    }
    try {
      Y.applyUpdate(this.room.doc, update, this);
      return true;
    } catch (error) {
      this.refuse(from, `apply: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  private refuse(from: string, reason: string): void {
    this.refused.add(from);
    this.directs.get(from)?.close();
    this.directs.delete(from);
    console.warn(`${this.room.label}: stopped applying a participant's data (${reason})`);
    this.room.status.setState({ refusedPeer: reason });
    if (this.source === from) {
      this.source = null;
      this.hellos = 0;
      this.sayHello();
    }
    this.reportStatus();
  }

  private reportStatus(): void {
    const members = this.port.members();
    const peerCount = [...this.peers.keys()].filter((feed) => members.has(feed) && !this.refused.has(feed)).length;
    this.room.status.setState({ signaling: this.port.isOpen() ? 'connected' : 'connecting', peerCount });
  }
}

/** An update with no structs and no deletions: two bytes of zero counts. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2 && update.every((byte) => byte === 0);
}
