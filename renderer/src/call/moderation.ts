import type { CallStore } from './call-store.js';
import type { CallSession } from './session/call-session.js';

/**
 * Muting and removing participants, with the room's secret. Janus checks
 * the secret; without one, nothing is sent.
 */
export class Moderation {
  constructor(
    private readonly store: CallStore,
    private readonly session: () => Pick<CallSession, 'active' | 'params' | 'request'> | null,
  ) {}

  async mute(feedId: string): Promise<void> {
    const session = this.session();
    const secret = session?.params.access.secret;
    const audioMid = this.store.getState().roster[feedId]?.audioMid;
    if (!session?.active || !secret || !audioMid) return;
    await session.request({ request: 'moderate', room: session.params.room, secret, id: feedId, mid: audioMid, mute: true });
    // Janus drops the audio at once but announces `moderated` only with the next publisher update: show it now.
    this.store.setState((now) => {
      const participant = now.roster[feedId];
      return participant ? { roster: { ...now.roster, [feedId]: { ...participant, audioMuted: true } } } : now;
    });
  }

  async remove(feedId: string): Promise<void> {
    const session = this.session();
    const secret = session?.params.access.secret;
    if (!session?.active || !secret) return;
    await session.request({ request: 'kick', room: session.params.room, secret, id: feedId });
  }
}
