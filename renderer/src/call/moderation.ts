import { feedWireId } from './janus/room-ids.js';
import type { CallStore } from './call-store.js';
import type { VideoRoomEvent } from './janus/videoroom-messages.js';
import type { CallSession } from './session/call-session.js';

/**
 * What a VideoRoom event says a moderator did to our own feed: Janus sends
 * `{ videoroom: 'event', id: <our feed>, moderation: 'muted' | 'unmuted' }`
 * to the publisher it moderated, and to nobody else. Null for anything else.
 */
export function moderationOfSelf(event: VideoRoomEvent, selfId: string | null): 'muted' | 'unmuted' | null {
  if (event.videoroom !== 'event' || event.moderation === undefined || selfId === null || event.id !== selfId) return null;
  return event.moderation;
}

/**
 * Muting and removing participants, with the room's secret. Janus checks
 * the secret; without one, nothing is sent. Being muted by a moderator
 * mutes our own microphone too, so what we show (and what others see in
 * our stream descriptions) follows what Janus does.
 */
export class Moderation {
  constructor(
    private readonly store: CallStore,
    private readonly session: () => Pick<CallSession, 'active' | 'params' | 'address' | 'request'> | null,
    private readonly muteSelf: () => Promise<void>,
  ) {}

  /** A room event on our camera's handle: a moderator's mute or unmute of our feed is applied. */
  heard(event: VideoRoomEvent): void {
    const moderation = moderationOfSelf(event, this.store.getState().selfId);
    if (moderation === null) return;
    this.store.setState({ audioModerated: moderation === 'muted' });
    if (moderation === 'muted') void this.muteSelf().catch(() => undefined);
  }

  async mute(feedId: string): Promise<void> {
    const session = this.session();
    const secret = session?.params.access.secret;
    const audioMid = this.store.getState().roster[feedId]?.audioMid;
    const address = session?.address;
    if (!session?.active || !address || !secret || !audioMid) return;
    await session.request({ request: 'moderate', room: address.room, secret, id: feedWireId(feedId, address.kind), mid: audioMid, mute: true });
    // Janus drops the audio at once but announces `moderated` only with the next publisher update: show it now.
    this.store.setState((now) => {
      const participant = now.roster[feedId];
      return participant ? { roster: { ...now.roster, [feedId]: { ...participant, audioMuted: true } } } : now;
    });
  }

  /** Lets someone waiting in the room's waiting room in (a moderator of a room that has one). */
  async admit(waitingId: string): Promise<void> {
    await this.session()?.params.access.waiting?.door?.admit(waitingId);
  }

  /** Turns someone waiting away: they are told, and never get into the room. */
  async deny(waitingId: string): Promise<void> {
    await this.session()?.params.access.waiting?.door?.deny(waitingId);
  }

  async remove(feedId: string): Promise<void> {
    const session = this.session();
    const secret = session?.params.access.secret;
    const address = session?.address;
    if (!session?.active || !address || !secret) return;
    await session.request({ request: 'kick', room: address.room, secret, id: feedWireId(feedId, address.kind) });
  }
}
