import { z } from 'zod';

/**
 * Chat, raised hands and reactions travel on VideoRoom data channels: each
 * publisher sends on its own PeerConnection, Janus relays to every
 * subscriber, so they share the media path's reconnects and pin with no
 * extra server. Janus does not say which publisher sent a message, so the
 * sender names itself; anyone admitted by the room's PIN could lie here,
 * which is why nothing in these messages grants rights.
 */
export const ROOM_CHANNEL_LABEL = 'confer-room';

/** Bounded so a hostile peer cannot fill memory or the screen. */
const MAX_TEXT = 2000;
export const MAX_CHAT_HISTORY = 200;
export const REACTIONS = ['👍', '👏', '😂', '❤️', '🎉'] as const;

const Sender = { from: z.string().min(1).max(256), name: z.string().min(1).max(64) };

export const RoomMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('chat'), ...Sender, id: z.string().min(1).max(64), text: z.string().min(1).max(MAX_TEXT) }),
  z.strictObject({ type: z.literal('hand'), ...Sender, raised: z.boolean() }),
  z.strictObject({ type: z.literal('reaction'), ...Sender, id: z.string().min(1).max(64), emoji: z.enum(REACTIONS) }),
]);
export type RoomMessage = z.infer<typeof RoomMessageSchema>;

/** Where one of our own chat messages is: waiting for the channel, sent, or given up. Others' messages are `sent`. */
export type ChatDelivery = 'queued' | 'sent' | 'failed';

export interface ChatEntry {
  readonly id: string;
  readonly from: string;
  readonly name: string;
  readonly text: string;
  readonly self: boolean;
  readonly delivery: ChatDelivery;
}

export interface ReactionEntry {
  readonly id: string;
  readonly from: string;
  readonly emoji: (typeof REACTIONS)[number];
}

export interface RoomChatState {
  readonly chat: readonly ChatEntry[];
  /** Feed ids with a raised hand. */
  readonly raisedHands: Readonly<Record<string, true>>;
  /** Reactions on screen now; the engine removes each after a few seconds. */
  readonly reactions: readonly ReactionEntry[];
}

export const initialRoomChatState: RoomChatState = { chat: [], raisedHands: {}, reactions: [] };

/** Parses a data-channel payload; anything malformed or oversized is null. */
export function parseRoomMessage(data: unknown): RoomMessage | null {
  if (typeof data !== 'string' || data.length > MAX_TEXT * 4) return null;
  try {
    const parsed = RoomMessageSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Folds one message (ours or a peer's) into the chat state. Duplicate chat ids are dropped. */
export function applyRoomMessage(state: RoomChatState, message: RoomMessage, selfId: string | null): RoomChatState {
  switch (message.type) {
    case 'chat': {
      if (state.chat.some((entry) => entry.id === message.id)) return state;
      const entry: ChatEntry = { id: message.id, from: message.from, name: message.name, text: message.text, self: message.from === selfId, delivery: 'sent' };
      return { ...state, chat: [...state.chat, entry].slice(-MAX_CHAT_HISTORY) };
    }
    case 'hand': {
      if (Boolean(state.raisedHands[message.from]) === message.raised) return state;
      const { [message.from]: _lowered, ...rest } = state.raisedHands;
      return { ...state, raisedHands: message.raised ? { ...rest, [message.from]: true } : rest };
    }
    case 'reaction':
      if (state.reactions.some((entry) => entry.id === message.id)) return state;
      return { ...state, reactions: [...state.reactions, { id: message.id, from: message.from, emoji: message.emoji }].slice(-20) };
  }
}

/** Adds one of our own chat messages, as it stands (queued while the room cannot hear us). */
export function appendOwnChat(state: RoomChatState, entry: Omit<ChatEntry, 'self'>): RoomChatState {
  if (state.chat.some((existing) => existing.id === entry.id)) return state;
  return { ...state, chat: [...state.chat, { ...entry, self: true }].slice(-MAX_CHAT_HISTORY) };
}

/** Moves our own messages on: queued to sent, or queued to failed. */
export function setChatDelivery(state: RoomChatState, ids: readonly string[], delivery: ChatDelivery): RoomChatState {
  if (ids.length === 0) return state;
  const changing = new Set(ids);
  return { ...state, chat: state.chat.map((entry) => (changing.has(entry.id) ? { ...entry, delivery } : entry)) };
}

/** Forgets hands of people who left. */
export function pruneHands(state: RoomChatState, present: (feedId: string) => boolean): RoomChatState {
  const kept = Object.keys(state.raisedHands).filter(present);
  if (kept.length === Object.keys(state.raisedHands).length) return state;
  return { ...state, raisedHands: Object.fromEntries(kept.map((id) => [id, true as const])) };
}
