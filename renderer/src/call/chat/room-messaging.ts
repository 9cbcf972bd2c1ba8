import { sliceWriter, type CallStore, type MessagingState, type SliceWriter } from '../call-store.js';
import { applyRoomMessage, parseRoomMessage, type ReactionEntry, type RoomMessage } from './room-messages.js';

/** How long a reaction floats over its tile. */
const REACTION_SHOW_MS = 4000;
const MAX_CHAT_TEXT = 2000;

type Sender = { from: string; name: string };

/**
 * Chat, raised hands and reactions: sent on our camera publisher's data
 * channel (`channel`: the current session's, or null between sessions),
 * received from the subscription's, and folded into the store.
 */
export class RoomMessaging {
  private readonly set: SliceWriter<MessagingState>;

  constructor(
    private readonly store: CallStore,
    private readonly channel: () => RTCDataChannel | null,
  ) {
    this.set = sliceWriter<MessagingState>(store);
  }

  /** A data-channel payload from the room: applied when it is a valid message, dropped otherwise. */
  receiveData(data: unknown): void {
    const message = parseRoomMessage(data);
    if (message) this.receive(message);
  }

  sendChat(text: string): void {
    const trimmed = text.trim().slice(0, MAX_CHAT_TEXT);
    if (trimmed) this.send((sender) => ({ type: 'chat', ...sender, id: crypto.randomUUID(), text: trimmed }));
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
