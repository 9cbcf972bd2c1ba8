/**
 * How long a chat message written while the room's channel is closed waits
 * for it to open before it is marked failed: longer than a claimed session
 * takes to come back (25 s window), short enough that a message sent into a
 * call that never recovers does not look as if it might still go.
 */
export const CHAT_QUEUE_BOUND_MS = 60_000;

/**
 * After a queued message finally goes out, it is sent again (same id;
 * receivers drop duplicates) at these delays: after a rejoin, the others
 * subscribe to our new feed at their own pace, and Janus relays only to
 * subscribers that are already there.
 */
export const RESEND_DELAYS_MS = [1000, 2000, 4000, 8000] as const;

export interface OutgoingChat {
  readonly id: string;
  readonly text: string;
}

interface Queued extends OutgoingChat {
  readonly queuedAt: number;
}

interface Flushed extends OutgoingChat {
  /** When the next resend is due. */
  readonly dueAt: number;
  /** Resends done so far. */
  readonly resends: number;
}

/**
 * Chat messages written while the room could not hear us, and the ones
 * that went out late and are being repeated. Pure bookkeeping: times come
 * in as arguments, the caller sends and keeps the timer.
 */
export class ChatOutbox {
  private pending: Queued[] = [];
  private flushed: Flushed[] = [];

  queue(chat: OutgoingChat, now: number): void {
    this.pending.push({ ...chat, queuedAt: now });
  }

  /** Everything queued, oldest first, to send now; each is repeated afterwards. */
  flush(now: number): OutgoingChat[] {
    const sent = this.pending;
    this.pending = [];
    this.flushed.push(...sent.map(({ id, text }) => ({ id, text, dueAt: now + RESEND_DELAYS_MS[0], resends: 0 })));
    return sent.map(({ id, text }) => ({ id, text }));
  }

  /** Late messages whose next repeat is due; each is dropped after its last one. */
  dueResends(now: number): OutgoingChat[] {
    const due = this.flushed.filter((chat) => chat.dueAt <= now);
    this.flushed = this.flushed.flatMap((chat) => {
      if (chat.dueAt > now) return [chat];
      const resends = chat.resends + 1;
      const delay = RESEND_DELAYS_MS[resends];
      return delay === undefined ? [] : [{ ...chat, resends, dueAt: now + delay }];
    });
    return due.map(({ id, text }) => ({ id, text }));
  }

  /** Late messages still being repeated: sent again at once when someone new publishes. */
  recent(): OutgoingChat[] {
    return this.flushed.map(({ id, text }) => ({ id, text }));
  }

  /** Ids of queued messages that waited CHAT_QUEUE_BOUND_MS: they are given up. */
  expire(now: number): string[] {
    const expired = this.pending.filter((chat) => now - chat.queuedAt >= CHAT_QUEUE_BOUND_MS);
    this.pending = this.pending.filter((chat) => now - chat.queuedAt < CHAT_QUEUE_BOUND_MS);
    return expired.map((chat) => chat.id);
  }

  /** The call ended: ids of everything still queued; nothing is repeated any more. */
  clear(): string[] {
    const ids = this.pending.map((chat) => chat.id);
    this.pending = [];
    this.flushed = [];
    return ids;
  }

  /** When something next needs doing (an expiry or a repeat), or null when there is nothing to do. */
  nextWakeAt(): number | null {
    const times = [...this.pending.map((chat) => chat.queuedAt + CHAT_QUEUE_BOUND_MS), ...this.flushed.map((chat) => chat.dueAt)];
    return times.length === 0 ? null : Math.min(...times);
  }
}
