import { sliceWriter, type CallStore, type MessagingState, type SliceWriter } from '../call-store.js';
import type { VideoRoomEvent } from '../janus/videoroom-messages.js';
import { realTimerClock, type TimerClock } from '../timer-clock.js';
import { ChatOutbox, type OutgoingChat } from './chat-outbox.js';
import { appendOwnChat, applyRoomMessage, parseRoomMessage, setChatDelivery, type ReactionEntry, type RoomMessage } from './room-messages.js';

/** How long a reaction floats over its tile. */
const REACTION_SHOW_MS = 4000;
const MAX_CHAT_TEXT = 2000;

type Sender = { from: string; name: string };

/**
 * Chat, raised hands and reactions: sent on our camera publisher's data
 * channel (`channel`: the current session's, or null between sessions),
 * received from the subscription's, and folded into the store. Chat
 * written while the room cannot hear us (channel not open, or the call
 * reconnecting) waits in an outbox and goes out when it can, or is marked
 * failed after CHAT_QUEUE_BOUND_MS or when the call ends.
 */
export class RoomMessaging {
  private readonly set: SliceWriter<MessagingState>;
  private readonly outbox = new ChatOutbox();
  private timer: unknown = null;

  constructor(
    private readonly store: CallStore,
    private readonly channel: () => RTCDataChannel | null,
    private readonly clock: TimerClock = realTimerClock,
  ) {
    this.set = sliceWriter<MessagingState>(store);
    store.subscribe((state, previous) => {
      if (state.phase === previous.phase) return;
      if (state.phase === 'in-call') this.flush();
      if (state.phase === 'idle' || state.phase === 'failed') this.giveUp(this.outbox.clear());
    });
  }

  /** A data-channel payload from the room: applied when it is a valid message, dropped otherwise. */
  receiveData(data: unknown): void {
    const message = parseRoomMessage(data);
    if (message) this.receive(message);
  }

  sendChat(text: string): void {
    const trimmed = text.trim().slice(0, MAX_CHAT_TEXT);
    const { selfId, displayName } = this.store.getState();
    if (!trimmed) return;
    const chat = { id: crypto.randomUUID(), text: trimmed };
    const sent = this.transmit(chat);
    this.set((now) => ({ roomChat: appendOwnChat(now.roomChat, { ...chat, from: selfId ?? '', name: displayName, delivery: sent ? 'sent' : 'queued' }) }));
    if (!sent) {
      this.outbox.queue(chat, this.clock.now());
      this.schedule();
    }
  }

  setHandRaised(raised: boolean): void {
    this.set({ handRaised: raised });
    this.send((sender) => ({ type: 'hand', ...sender, raised }));
  }

  react(emoji: ReactionEntry['emoji']): void {
    this.send((sender) => ({ type: 'reaction', ...sender, id: crypto.randomUUID(), emoji }));
  }

  /** Newcomers and reconnects do not know our hand: tell the room again. */
  announceHand(): void {
    if (this.store.getState().handRaised) this.send((sender) => ({ type: 'hand', ...sender, raised: true }));
  }

  /** Our data channel opened (a new session): the room hears our hand and what we wrote meanwhile. */
  channelOpened(): void {
    this.announceHand();
    this.flush();
  }

  /** Someone new publishes: they hear our hand, and the late messages we are still repeating. */
  roomEvent(event: VideoRoomEvent): void {
    if (event.videoroom !== 'event' || !event.publishers?.length) return;
    this.announceHand();
    if (this.canSend()) this.outbox.recent().forEach((chat) => this.transmit(chat));
  }

  private canSend(): boolean {
    return this.store.getState().phase === 'in-call' && this.channel()?.readyState === 'open';
  }

  /** Sends one chat message as ourselves now; false when the room cannot hear us. */
  private transmit(chat: OutgoingChat): boolean {
    const { selfId, displayName } = this.store.getState();
    const channel = this.channel();
    if (!selfId || !channel || !this.canSend()) return false;
    channel.send(JSON.stringify({ type: 'chat', from: selfId, name: displayName, ...chat } satisfies RoomMessage));
    return true;
  }

  private flush(): void {
    if (!this.canSend()) return;
    const sent = this.outbox.flush(this.clock.now());
    sent.forEach((chat) => this.transmit(chat));
    this.set((now) => ({ roomChat: setChatDelivery(now.roomChat, sent.map((chat) => chat.id), 'sent') }));
    this.schedule();
  }

  private giveUp(ids: readonly string[]): void {
    this.set((now) => ({ roomChat: setChatDelivery(now.roomChat, ids, 'failed') }));
    this.schedule();
  }

  /** One timer for the outbox's next expiry or repeat. */
  private schedule(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const wakeAt = this.outbox.nextWakeAt();
    if (wakeAt === null) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      const now = this.clock.now();
      const due = this.outbox.dueResends(now);
      if (this.canSend()) due.forEach((chat) => this.transmit(chat));
      this.giveUp(this.outbox.expire(now));
    }, Math.max(0, wakeAt - this.clock.now()));
  }

  private receive(message: RoomMessage): void {
    this.set((now) => ({ roomChat: applyRoomMessage(now.roomChat, message, now.selfId) }));
    if (message.type === 'reaction') {
      setTimeout(() => {
        this.set((now) => ({ roomChat: { ...now.roomChat, reactions: now.roomChat.reactions.filter((entry) => entry.id !== message.id) } }));
      }, REACTION_SHOW_MS);
    }
  }

  /** Sends on our data channel and applies locally (Janus does not echo our own data back). */
  private send(build: (sender: Sender) => RoomMessage): void {
    const { selfId, displayName } = this.store.getState();
    if (!selfId) return;
    const message = build({ from: selfId, name: displayName });
    const channel = this.channel();
    if (channel?.readyState === 'open') channel.send(JSON.stringify(message));
    this.receive(message);
  }
}
