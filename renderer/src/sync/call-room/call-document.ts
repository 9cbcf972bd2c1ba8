import * as decoding from 'lib0/decoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { checkPeerMessage, checkUpdate, MESSAGE_KIND } from '../../../../shared/board/update-guard.js';
import type { DocumentRoom } from '../document-transport.js';
import { CatchUpChannels } from './catch-up-channels.js';
import { markCatchUp } from './catch-up-marks.js';
import { CurrentPull, RepeatedPulls } from './current-pull.js';
import { ENVELOPE_KIND, type Envelope, type EnvelopeKind } from './envelope.js';
import { awarenessClientsOf, awarenessMessage, syncUpdateMessage } from './peer-messages.js';

/** Hello again this often until every member answered: a hello sent before a member subscribed to our feed never reaches it. */
export const HELLO_INTERVAL_MS = 500;
/** After this many hellos we stop: the members still silent do not have the document open, and will say hello when they do. */
export const MAX_HELLOS = 40;
/** A member answers repeated hellos at most this often. */
const OFFER_INTERVAL_MS = 400;
/**
 * This long after our last edit we tell the room our state vector again: an
 * edit lost on the way (a subscription being renegotiated) is then pulled.
 */
export const RESYNC_AFTER_EDIT_MS = 3000;
/** And this often, edits or not, unanswered: an edit lost with its resync, or a pull given up, heals at the next recheck. */
export const RECHECK_INTERVAL_MS = 10_000;
/** The addressee of a snapshot for a recording: not a feed id (those are UUIDs or numbers), so no participant takes it. */
export const RECORDING_ADDRESSEE = 'recording';
/** A member lacking this many clock ticks (items set) lacks more than a direct channel's threshold of hand-drawn strokes. */
const LIKELY_DIRECT_CLOCKS = 256;

/** What one document needs from the call's channel; the router provides it. */
export interface CallChannelPort {
  /** Whether our publisher's channel is open now. */
  isOpen(): boolean;
  /** The others in the room now, by feed id. */
  members(): ReadonlySet<string>;
  rtc(): RTCConfiguration;
  /** Sends one message: to one feed, or to everyone with ''. */
  send(kind: EnvelopeKind, to: string, payload: Uint8Array): void;
}

/**
 * One document (a board, a share's annotations) synced through the call.
 * Edits and awareness go up once on our channel and Janus fans them out: a
 * star, so nobody relays anyone else's messages. Catching up is the only
 * exchange between two peers: members tell each other their state vectors
 * (hello, answered by an offer), and each pulls what it lacks from one
 * member at a time; the member pulled from sends the difference over a
 * direct channel, or through Janus when it is small or no channel opens.
 */
export class CallDocument {
  /** The awareness clients each member announced, removed when it leaves. */
  private readonly awarenessClients = new Map<string, Set<number>>();
  /** Members that told us their state vector; until each has, we say hello (only it shows what we missed before subscribing). */
  private readonly answered = new Set<string>();
  /** The last state vector each member told us, decoded: what it has that we may lack. */
  private readonly known = new Map<string, Map<number, number>>();
  /** Members whose update arrived with structs we never got: they have them, so we pull from them. */
  private readonly gaps = new Set<string>();
  private readonly pullsToUs = new RepeatedPulls();
  /** When we last offered to each member, so that repeated hellos get one answer. */
  private readonly offeredAt = new Map<string, number>();
  /** Feeds whose data broke the guard: nothing more from them is applied. */
  private readonly refused = new Set<string>();
  private readonly catchUps: CatchUpChannels;
  private hellos = 0;
  private helloTimer: ReturnType<typeof setTimeout> | null = null;
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly recheckTimer: ReturnType<typeof setInterval>;
  /** The member we pull from now, if any. */
  private readonly pull = new CurrentPull((from) => {
    // It never started delivering: forget what it claimed, and try whoever else is ahead.
    this.known.delete(from);
    this.gaps.delete(from);
    this.stopPulling();
  });
  private destroyed = false;

  constructor(
    private readonly room: DocumentRoom,
    private readonly port: CallChannelPort,
  ) {
    this.catchUps = new CatchUpChannels({
      port,
      onCatchUp: (from, update) => this.applyCatchUp(from, update, true),
      pullingFrom: (from) => this.pull.from === from,
      onFlowing: (from, flowing) => (flowing ? this.pull.flowing(from) : this.pull.interrupted(from)),
      onRefused: (from, reason) => this.refuse(from, reason),
    });
    room.doc.on('update', this.onDocUpdate);
    room.awareness.on('update', this.onAwarenessUpdate);
    this.recheckTimer = setInterval(() => this.recheck(), RECHECK_INTERVAL_MS);
    this.channelOpened();
  }

  /** Our channel opened (a new call session): we may have missed anything, so compare with everyone again. */
  channelOpened(): void {
    this.pull.stop();
    this.answered.clear();
    this.known.clear();
    this.gaps.clear();
    this.hellos = 0;
    this.reportStatus();
    this.sayHello();
  }

  membersChanged(): void {
    const members = this.port.members();
    // Someone new: say hello until they answer.
    if ([...members].some((feed) => !this.answered.has(feed)) && this.helloTimer === null) {
      this.hellos = 0;
      this.sayHello();
    }
    const departed = new Set([...this.answered, ...this.known.keys(), ...this.gaps, ...this.awarenessClients.keys()].filter((feed) => !members.has(feed)));
    for (const feed of departed) {
      const clients = this.awarenessClients.get(feed) ?? new Set<number>();
      this.answered.delete(feed);
      this.known.delete(feed);
      this.pullsToUs.forget(feed);
      this.gaps.delete(feed);
      this.awarenessClients.delete(feed);
      this.catchUps.close(feed);
      removeAwarenessStates(this.room.awareness, [...clients].filter((client) => client !== this.room.doc.clientID), this);
      if (this.pull.from === feed) this.stopPulling();
    }
    this.reportStatus();
  }

  receive(envelope: Envelope): void {
    if (this.destroyed || this.refused.has(envelope.from) || !this.port.members().has(envelope.from)) return;
    switch (envelope.kind) {
      case ENVELOPE_KIND.peerMessage:
        return this.receivePeerMessage(envelope.from, envelope.payload);
      case ENVELOPE_KIND.hello:
        return this.receiveStateVector(envelope.from, envelope.payload, true);
      case ENVELOPE_KIND.offer:
        return this.receiveStateVector(envelope.from, envelope.payload, false);
      case ENVELOPE_KIND.pull:
        return this.catchUp(envelope.from, envelope.payload);
      case ENVELOPE_KIND.signal:
        return void this.catchUps.receiveSignal(envelope.from, envelope.payload);
      case ENVELOPE_KIND.catchUp:
        return this.applyCatchUp(envelope.from, envelope.payload);
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.room.doc.off('update', this.onDocUpdate);
    this.room.awareness.off('update', this.onAwarenessUpdate);
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.pull.stop();
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    clearInterval(this.recheckTimer);
    this.catchUps.closeAll();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    this.port.send(ENVELOPE_KIND.peerMessage, '', syncUpdateMessage(update));
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      this.recheck();
    }, RESYNC_AFTER_EDIT_MS);
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === this) return;
    this.sendAwareness([...added, ...updated, ...removed]);
  };

  private sendAwareness(clients: number[]): void {
    if (clients.length === 0) return;
    this.port.send(ENVELOPE_KIND.peerMessage, '', awarenessMessage(encodeAwarenessUpdate(this.room.awareness, clients)));
  }

  /**
   * Our whole state as a catch-up addressed to nobody in the room: Janus
   * records what our channel carries from the moment a recording starts, so
   * this puts the document as it was then into the recording. Janus still
   * copies it to every participant, who drops it unread (not for them).
   */
  sendSnapshot(): void {
    if (!this.destroyed) this.port.send(ENVELOPE_KIND.catchUp, RECORDING_ADDRESSEE, Y.encodeStateAsUpdate(this.room.doc));
  }

  /** Tells the room what we have, answered by nobody: whoever lacks some pulls. */
  private recheck(): void {
    if (!this.destroyed && this.port.isOpen() && this.port.members().size > 0) this.port.send(ENVELOPE_KIND.offer, '', Y.encodeStateVector(this.room.doc));
  }

  private sayHello(): void {
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.helloTimer = null;
    if (this.destroyed || !this.port.isOpen() || this.hellos >= MAX_HELLOS) return;
    if ([...this.port.members()].every((feed) => this.answered.has(feed))) return;
    this.hellos += 1;
    this.port.send(ENVELOPE_KIND.hello, '', Y.encodeStateVector(this.room.doc));
    this.helloTimer = setTimeout(() => this.sayHello(), HELLO_INTERVAL_MS);
  }

  /**
   * A member's state vector, from its hello (answered with ours) or its
   * answer to ours. We pull from one member at a time, and only from one
   * that has something we lack: a newcomer's catch-up comes from one peer,
   * and edits made apart from the call reach each member that lacks them.
   */
  private receiveStateVector(from: string, stateVector: Uint8Array, isHello: boolean): void {
    let decoded: Map<number, number>;
    try {
      decoded = Y.decodeStateVector(stateVector);
    } catch {
      return this.refuse(from, 'malformed state vector');
    }
    this.known.set(from, decoded);
    this.answered.add(from);
    if (isHello && performance.now() - (this.offeredAt.get(from) ?? -Infinity) >= OFFER_INTERVAL_MS) {
      this.offeredAt.set(from, performance.now());
      this.port.send(ENVELOPE_KIND.offer, from, Y.encodeStateVector(this.room.doc));
      // The newcomer sees our cursor without waiting for it to move.
      this.sendAwareness([this.room.doc.clientID]);
    }
    this.reportStatus();
    // A hello from whom we pull says it has not heard from us: our pull, sent before it subscribed to us, was lost too.
    if (isHello && this.pull.awaiting(from)) this.sendPull(from);
    this.pullIfBehind();
  }

  private pullIfBehind(): void {
    if (this.pull.from !== null || this.destroyed) return;
    const { store } = this.room.doc;
    const ahead = [...this.gaps][0] ?? [...this.known].find(([, theirs]) => [...theirs].some(([client, clock]) => clock > Y.getState(store, client)))?.[0];
    if (ahead === undefined) return;
    this.pull.start(ahead);
    markCatchUp('pull');
    this.sendPull(ahead);
  }

  private sendPull(from: string): void {
    this.port.send(ENVELOPE_KIND.pull, from, Y.encodeStateVector(this.room.doc));
  }

  private stopPulling(): void {
    this.pull.stop();
    this.pullIfBehind();
  }

  /** Sends a member that pulled from us what it lacks. */
  private catchUp(to: string, stateVector: Uint8Array): void {
    let theirs: Map<number, number>;
    try {
      theirs = Y.decodeStateVector(stateVector);
    } catch {
      return this.refuse(to, 'malformed state vector');
    }
    // A pull tells its state vector too: no more hellos to it.
    this.answered.add(to);
    this.reportStatus();
    if (this.pullsToUs.repeated(to, stateVector)) return;
    // Each item set on the board is one clock tick: what they lack, counted without encoding it.
    const { store } = this.room.doc;
    let missing = 0;
    for (const client of store.clients.keys()) missing += Math.max(0, Y.getState(store, client) - (theirs.get(client) ?? 0));
    void this.catchUps.send(to, () => Y.encodeStateAsUpdate(this.room.doc, stateVector), missing >= LIKELY_DIRECT_CLOCKS);
  }

  /**
   * A catch-up from a member we gave up on (it came too late) is still
   * applied: it passed the guard like any edit, and dropping it would leave
   * us without what it holds once no one else is known to be ahead.
   */
  private applyCatchUp(from: string, update: Uint8Array, checked = false): void {
    const pulled = this.pull.from === from;
    if (pulled) markCatchUp('received', update.length);
    if (!this.apply(from, update, checked) || !pulled) return;
    markCatchUp('applied');
    // We now have what it had when it told us; what its catch-up still leaves pending it lacks too: asking it again would loop.
    this.known.delete(from);
    this.gaps.delete(from);
    this.stopPulling();
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
    const clients = this.awarenessClients.get(from) ?? new Set<number>();
    this.awarenessClients.set(from, clients);
    for (const client of awarenessClientsOf(update)) clients.add(client);
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
      // Yjs keeps an update whose structs depend on ones we never got (sent before we were subscribed) aside: the sender has them.
      const { pendingStructs, pendingDs } = this.room.doc.store;
      if (pendingStructs !== null || pendingDs !== null) {
        this.gaps.add(from);
        this.pullIfBehind();
      }
      return true;
    } catch (error) {
      this.refuse(from, `apply: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  private refuse(from: string, reason: string): void {
    this.refused.add(from);
    this.catchUps.close(from);
    console.warn(`${this.room.label}: stopped applying a participant's data (${reason})`);
    this.room.status.setState({ refusedPeer: reason });
    this.known.delete(from);
    this.gaps.delete(from);
    if (this.pull.from === from) this.stopPulling();
    this.reportStatus();
  }

  private reportStatus(): void {
    const members = this.port.members();
    const peerCount = [...this.answered].filter((feed) => members.has(feed) && !this.refused.has(feed)).length;
    this.room.status.setState({ signaling: this.port.isOpen() ? 'connected' : 'connecting', peerCount });
  }
}

