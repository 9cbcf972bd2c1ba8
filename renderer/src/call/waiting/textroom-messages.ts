import { z } from 'zod';

/**
 * What Janus's TextRoom plugin sends on its data channel, validated before
 * anything acts on it: answers to our requests (by transaction) and the
 * room's events. Usernames and displays are bounded: a waiting room lists
 * them for a moderator.
 */
/** A join's answer lists up to 1000 participants; nothing Janus sends a waiting room is longer. */
const MAX_MESSAGE_CHARS = 256 * 1024;
const UsernameSchema = z.string().min(1).max(128);
const DisplaySchema = z.string().max(128);
const RoomIdSchema = z.union([z.string().max(128), z.number().int()]);

export const TextRoomParticipantSchema = z.looseObject({ username: UsernameSchema, display: DisplaySchema.optional() });
export type TextRoomParticipant = z.infer<typeof TextRoomParticipantSchema>;

export const TextRoomReplySchema = z.discriminatedUnion('textroom', [
  z.looseObject({ textroom: z.literal('success'), transaction: z.string(), participants: z.array(TextRoomParticipantSchema).max(1000).optional() }),
  z.looseObject({ textroom: z.literal('error'), transaction: z.string(), error_code: z.number().int().optional(), error: z.string().max(1000).optional() }),
]);

export const TextRoomEventSchema = z.discriminatedUnion('textroom', [
  z.looseObject({ textroom: z.literal('join'), room: RoomIdSchema, username: UsernameSchema, display: DisplaySchema.optional() }),
  z.looseObject({ textroom: z.literal('leave'), room: RoomIdSchema, username: UsernameSchema }),
  z.looseObject({ textroom: z.literal('kicked'), room: RoomIdSchema, username: UsernameSchema }),
  z.looseObject({ textroom: z.literal('message'), room: RoomIdSchema, from: UsernameSchema, text: z.string().max(4096), whisper: z.boolean().optional() }),
  z.looseObject({ textroom: z.literal('destroyed'), room: RoomIdSchema }),
]);
export type TextRoomEvent = z.infer<typeof TextRoomEventSchema>;

/** The answer to a plugin request sent through the Janus API: `created` for `create`, `success` for `exists`. */
export const TextRoomResultSchema = z.looseObject({ textroom: z.enum(['success', 'created']), exists: z.boolean().optional() });

export type TextRoomReply = z.infer<typeof TextRoomReplySchema>;

/** One data-channel message: an answer to the request of its transaction, an event of the room, or neither. */
export type TextRoomMessage = { readonly answer: TextRoomReply } | { readonly event: TextRoomEvent } | null;

export function readTextRoomMessage(raw: unknown): TextRoomMessage {
  let message: unknown;
  try {
    message = typeof raw === 'string' && raw.length <= MAX_MESSAGE_CHARS ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  if ('textbridge' in message && !('textroom' in message)) {
    // Janus 1.1 answers a `kick` under the key `textbridge`.
    const { textbridge, ...rest } = message;
    message = { ...rest, textroom: textbridge };
  }
  // Janus copies a request's transaction into the events it causes (a kick's `kicked`): only `success` or `error` answers it.
  const answer = TextRoomReplySchema.safeParse(message);
  if (answer.success) return { answer: answer.data };
  const event = TextRoomEventSchema.safeParse(message);
  return event.success ? { event: event.data } : null;
}
