import type { CallState } from './call-store.js';

/** Something others did in the room that is worth telling the user about. */
export type RoomActivity =
  | { readonly kind: 'chat'; readonly name: string; readonly text: string }
  | { readonly kind: 'hand'; readonly name: string }
  | { readonly kind: 'joined'; readonly name: string }
  | { readonly kind: 'waiting'; readonly name: string }
  | { readonly kind: 'left'; readonly name: string };

export type ActivityView = Pick<CallState, 'phase' | 'selfId' | 'roster' | 'roomChat' | 'waitingPeople'>;

const peopleOf = (view: ActivityView) => Object.values(view.roster).filter((participant) => participant.screenOf === null);

/**
 * Turns successive call states into what others did: chat from others,
 * raised hands, people joining and leaving, and (for a moderator) people
 * arriving in the waiting room. A reconnect refills the roster
 * (after a rejoin, under new feed ids, and hands are announced again):
 * who was there before it is remembered and not announced as new.
 */
export function createActivityTracker() {
  /** Names of people, and of raised hands, present when the call last started to reconnect. */
  let returning = new Set<string>();

  function arrivals(previous: ActivityView, next: ActivityView): RoomActivity[] {
    const before = new Set(peopleOf(previous).map((person) => person.displayName));
    const found: RoomActivity[] = [];
    for (const person of peopleOf(next)) {
      if (person.id in previous.roster || before.has(person.displayName)) continue;
      if (returning.delete(`person:${person.displayName}`)) continue;
      found.push({ kind: 'joined', name: person.displayName });
    }
    const after = new Set(peopleOf(next).map((person) => person.displayName));
    for (const person of peopleOf(previous)) {
      if (!(person.id in next.roster) && !after.has(person.displayName)) found.push({ kind: 'left', name: person.displayName });
    }
    for (const feedId of Object.keys(next.roomChat.raisedHands)) {
      const name = next.roster[feedId]?.displayName;
      if (feedId === next.selfId || feedId in previous.roomChat.raisedHands || name === undefined) continue;
      if (!returning.delete(`hand:${name}`)) found.push({ kind: 'hand', name });
    }
    return found;
  }

  return {
    next(previous: ActivityView, next: ActivityView): RoomActivity[] {
      if (next.phase === 'idle' || next.phase === 'failed' || next.phase === 'joining') returning = new Set();
      if (previous.phase === 'in-call' && next.phase === 'reconnecting') {
        returning = new Set([
          ...peopleOf(previous).map((person) => `person:${person.displayName}`),
          ...Object.keys(previous.roomChat.raisedHands).flatMap((id) => {
            const name = previous.roster[id]?.displayName;
            return name === undefined ? [] : [`hand:${name}`];
          }),
        ]);
      }
      const seen = new Set(previous.roomChat.chat.map((entry) => entry.id));
      const chat: RoomActivity[] = next.roomChat.chat
        .filter((entry) => !entry.self && !seen.has(entry.id))
        .map((entry) => ({ kind: 'chat', name: entry.name, text: entry.text }));
      // People come and go only in a settled call: joining and reconnecting fill and empty the roster wholesale.
      const settled = previous.phase === 'in-call' && next.phase === 'in-call';
      const waited = new Set(previous.waitingPeople.map((person) => person.id));
      const waiting: RoomActivity[] = next.waitingPeople.filter((person) => !waited.has(person.id)).map((person) => ({ kind: 'waiting', name: person.display }));
      return [...chat, ...(settled ? arrivals(previous, next) : []), ...waiting];
    },
  };
}

/** The catalogue entry, and what fills it, of the sentence a screen reader hears for an activity. */
export interface ActivitySentence {
  readonly key: `announcements.${RoomActivity['kind']}`;
  readonly values: { readonly name: string; readonly text?: string };
}

export function describeActivity(activity: RoomActivity): ActivitySentence {
  const key = `announcements.${activity.kind}` as const;
  return activity.kind === 'chat' ? { key, values: { name: activity.name, text: activity.text } } : { key, values: { name: activity.name } };
}
