import type Session from 'janus-gateway-js/src/session.js';
import type { CallStore } from '../call-store.js';
import type { RoomAddress } from '../janus/room-ids.js';
import type { CallParams, FoundRoom, RoomRequests } from '../session/room-entry.js';
import { JoinRefusedError } from '../session/join-errors.js';
import { TextRoomChannel } from './textroom-channel.js';
import type { TextRoomEvent } from './textroom-messages.js';
import { admissionOf, admissionText, GUEST_PREFIX, MODERATOR_PREFIX, nextWaiting, waitingFrom, type WaitingPerson } from './waiting-room.js';

/**
 * One call's place in a waiting room, kept across its sessions: the token
 * Janus accepts from us (our own as a moderator, the one a moderator gave
 * us), and where the waiting room shows (the store). Made for each join.
 */
export class WaitingRoomLink {
  /** Null until a moderator lets us in; a rejoin of the call uses it without waiting again. */
  token: string | null;
  /** A moderator's door of the current session: letting people in or turning them away. */
  door: WaitingRoomGate | null = null;

  constructor(
    private readonly store: CallStore,
    /** The room's secret was given: we add our own token and never wait. */
    readonly moderator: boolean,
    /** A room this join creates gets a waiting room. */
    readonly wanted: boolean,
  ) {
    this.token = moderator ? crypto.randomUUID() : null;
  }

  knocking(waiting: boolean): void {
    this.store.setState({ waitingForAdmission: waiting });
  }

  listed(people: readonly WaitingPerson[]): void {
    this.store.setState({ waitingPeople: people });
  }
}

/**
 * The waiting room for one session, run before anything is published.
 * A moderator of a room that has one adds their own token and keeps a door
 * open (who waits, admit, deny) until the session ends; a guest without a
 * token waits in it until a moderator lets them in (the token comes back)
 * or turns them away (a JoinRefusedError). A room without one costs an
 * `exists`; a server without the TextRoom plugin has none.
 */
export class WaitingRoomGate {
  private channel: TextRoomChannel | null = null;
  private address: RoomAddress | null = null;
  private waiting: readonly WaitingPerson[] = [];
  private stopWaiting: ((error: Error) => void) | null = null;
  private closed = false;

  constructor(
    private readonly session: Session,
    private readonly handle: RoomRequests,
    private readonly params: CallParams,
    private readonly warn: (message: string) => void,
  ) {}

  async pass(found: FoundRoom): Promise<void> {
    const link = this.params.access.waiting;
    if (!link) return;
    this.address = found.address;
    // No TextRoom plugin (or a token not allowed it) means no waiting room: said only to a creator who wanted one.
    this.channel = await TextRoomChannel.attach(this.session, this.warn).catch(() => null);
    if (!(await this.hasWaitingRoom(this.channel, found, link)) || !this.channel) return this.close();
    if (link.moderator) return this.openDoor(this.channel, found, link);
    if (link.token === null) link.token = await this.knock(this.channel, link);
    await this.close();
  }

  /** Lets a waiting person in: a fresh token in the room's list, whispered to them alone. */
  async admit(id: string): Promise<void> {
    const { channel, address } = this;
    const secret = this.params.access.secret;
    if (!channel || !address || !secret) return;
    const token = crypto.randomUUID();
    await this.decide(id, 'let in', async () => {
      await this.handle.request({ request: 'allowed', room: address.room, secret, action: 'add', allowed: [token] });
      await channel.send({ textroom: 'message', room: address.room, to: id, text: admissionText(token) });
    });
  }

  /** Turns a waiting person away: kicked from the waiting room, they are told and never got a token. */
  async deny(id: string): Promise<void> {
    const { channel, address } = this;
    const secret = this.params.access.secret;
    if (!channel || !address || !secret) return;
    await this.decide(id, 'turn away', () => channel.send({ textroom: 'kick', room: address.room, secret, username: id }));
  }

  /** A moderator's decision, carried out; a failed one leaves the person listed, to decide again. */
  private async decide(id: string, what: string, carryOut: () => Promise<unknown>): Promise<void> {
    try {
      await carryOut();
      this.forget(id);
    } catch (error) {
      this.warn(`could not ${what} ${id} (${String(error)})`);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopWaiting?.(new Error('superseded'));
    const link = this.params.access.waiting;
    if (link?.door === this) {
      link.door = null;
      link.listed([]);
    }
    await this.channel?.close();
  }

  /** A room we create with a waiting room gets it now; otherwise, whether the room has one. */
  private async hasWaitingRoom(channel: TextRoomChannel | null, found: FoundRoom, link: WaitingRoomLink): Promise<boolean> {
    const { room } = found.address;
    if (!found.created || !link.wanted) return (await channel?.request({ request: 'exists', room }).catch(() => null))?.exists === true;
    const { pin, secret } = this.params.access;
    try {
      if (!channel) throw new Error('the server has no TextRoom plugin');
      await channel.request({ request: 'create', room, is_private: true, permanent: false, ...(pin ? { pin } : {}), ...(secret ? { secret } : {}) });
      return true;
    } catch (error) {
      // Nobody could be let in: the room opens to everyone with its PIN instead.
      this.warn(`no waiting room (${String(error)}): the room admits everyone with its PIN`);
      await this.handle.request({ request: 'allowed', room, secret, action: 'disable' });
      return false;
    }
  }

  private async openDoor(channel: TextRoomChannel, found: FoundRoom, link: WaitingRoomLink): Promise<void> {
    const { room } = found.address;
    const { secret, pin } = this.params.access;
    if (!found.created && link.token) await this.handle.request({ request: 'allowed', room, secret, action: 'add', allowed: [link.token] });
    channel.onEvent((event) => this.heard(event, link));
    await channel.connect(this.params.rtc);
    const joined = await channel.send({ textroom: 'join', room, username: `${MODERATOR_PREFIX}${crypto.randomUUID()}`, display: this.params.displayName, ...(pin ? { pin } : {}) });
    if (this.closed) return;
    this.waiting = waitingFrom(joined.participants);
    link.door = this;
    link.listed(this.waiting);
  }

  private heard(event: TextRoomEvent, link: WaitingRoomLink): void {
    const next = nextWaiting(this.waiting, event);
    if (next === this.waiting || this.closed) return;
    this.waiting = next;
    link.listed(next);
  }

  private forget(id: string): void {
    const link = this.params.access.waiting;
    if (link) this.heard({ textroom: 'leave', room: this.address?.room ?? '', username: id }, link);
  }

  /** Waits in the waiting room until a moderator whispers a token (returned) or kicks us (refused). */
  private async knock(channel: TextRoomChannel, link: WaitingRoomLink): Promise<string> {
    const { room } = this.address ?? { room: '' };
    const username = `${GUEST_PREFIX}${crypto.randomUUID()}`;
    const decided = new Promise<string>((resolve, reject) => {
      this.stopWaiting = reject;
      channel.onEvent((event) => {
        const token = admissionOf(event);
        if (token) resolve(token);
        else if ((event.textroom === 'kicked' && event.username === username) || event.textroom === 'destroyed') {
          reject(new JoinRefusedError({ reason: 'notAdmitted', room: this.params.room }));
        }
      });
    });
    await channel.connect(this.params.rtc);
    const { pin } = this.params.access;
    await channel.send({ textroom: 'join', room, username, display: this.params.displayName, ...(pin ? { pin } : {}) });
    link.knocking(true);
    try {
      return await decided;
    } finally {
      link.knocking(false);
      await channel.send({ textroom: 'leave', room }).catch(() => undefined);
    }
  }
}
