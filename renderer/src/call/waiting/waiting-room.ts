import { z } from 'zod';
import type { TextRoomEvent, TextRoomParticipant } from './textroom-messages.js';

/**
 * The waiting room, as the two sides speak it over Janus's TextRoom plugin.
 * A room created with one holds its VideoRoom behind an `allowed` list of
 * tokens, so Janus itself refuses anyone without a token; its TextRoom of
 * the same id (with the same PIN) is the waiting room. A guest waits there;
 * a moderator (the room's secret) sees who waits, and lets someone in by
 * adding a fresh token to the list and whispering it to them alone
 * (TextRoom's `to`), or turns them away by kicking them from the waiting
 * room. Moderators add a token of their own with the secret and never wait.
 */

/** A moderator's username in the waiting room: moderators do not list each other as waiting. */
export const MODERATOR_PREFIX = 'moderator-';
export const GUEST_PREFIX = 'guest-';

export interface WaitingPerson {
  /** The waiting room's username: whom a whisper or a kick addresses. */
  readonly id: string;
  readonly display: string;
}

/** What a moderator whispers to let someone in: the token Janus now accepts from them. */
const AdmissionSchema = z.strictObject({ confer: z.literal('admit'), token: z.string().min(16).max(128) });

export function admissionText(token: string): string {
  return JSON.stringify({ confer: 'admit', token });
}

/** The token in a whisper from a moderator; null for anything else (a broadcast, a guest's text, a malformed one). */
export function admissionOf(event: TextRoomEvent): string | null {
  if (event.textroom !== 'message' || event.whisper !== true || !event.from.startsWith(MODERATOR_PREFIX)) return null;
  try {
    const parsed = AdmissionSchema.safeParse(JSON.parse(event.text));
    return parsed.success ? parsed.data.token : null;
  } catch {
    return null;
  }
}

const waiter = (participant: TextRoomParticipant): WaitingPerson | null =>
  participant.username.startsWith(MODERATOR_PREFIX) ? null : { id: participant.username, display: participant.display?.trim() || participant.username };

/** Who waits, from the participants the waiting room listed when the moderator came in. */
export function waitingFrom(participants: readonly TextRoomParticipant[]): WaitingPerson[] {
  return participants.map(waiter).filter((person): person is WaitingPerson => person !== null);
}

/** Who waits after one of the waiting room's events: arrivals at the end, in the order they came. */
export function nextWaiting(waiting: readonly WaitingPerson[], event: TextRoomEvent): readonly WaitingPerson[] {
  switch (event.textroom) {
    case 'join': {
      const person = waiter(event);
      return person && !waiting.some((each) => each.id === person.id) ? [...waiting, person] : waiting;
    }
    case 'leave':
    case 'kicked':
      return waiting.some((each) => each.id === event.username) ? waiting.filter((each) => each.id !== event.username) : waiting;
    case 'destroyed':
      return [];
    default:
      return waiting;
  }
}
