import { describe, expect, test } from 'vitest';
import { initialCallState } from './call-store.js';
import type { ChatEntry } from './chat/room-messages.js';
import type { Participant } from './participants.js';
import { testParticipant } from './test-participants.js';
import { createI18n } from '../i18n/i18n.js';
import { createActivityTracker, describeActivity, type ActivityView, type RoomActivity } from './room-activity.js';

/** The sentence the live region reads for an activity, in a language. */
function sentence(activity: RoomActivity, i18n = createI18n('en')): string {
  const { key, values } = describeActivity(activity);
  return i18n.t(key, values);
}
const say = (activity: RoomActivity) => sentence(activity);

const person = (id: string, displayName: string, screenOf: string | null = null): Participant => testParticipant(id, displayName, { screenOf });
const chat = (id: string, name: string, text: string, self = false): ChatEntry => ({ id, from: name, name, text, self, delivery: 'sent' });

function view(change: { phase?: ActivityView['phase']; people?: Participant[]; chat?: readonly ChatEntry[]; hands?: string[]; waiting?: ActivityView['waitingPeople'] } = {}): ActivityView {
  return {
    phase: change.phase ?? 'in-call',
    selfId: 'me',
    roster: Object.fromEntries((change.people ?? []).map((entry) => [entry.id, entry])),
    roomChat: { ...initialCallState.roomChat, chat: change.chat ?? [], raisedHands: Object.fromEntries((change.hands ?? []).map((id) => [id, true as const])) },
    waitingPeople: change.waiting ?? [],
  };
}

describe('room activity', () => {
  test('chat from others, hands raised and people joining and leaving, in a settled call', () => {
    const tracker = createActivityTracker();
    const bob = person('b', 'Bob');
    const start = view({ people: [bob] });
    const next = view({ people: [bob, person('c', 'Carol'), person('c-screen', 'Carol', 'c')], chat: [chat('1', 'Bob', 'hi'), chat('2', 'Ada', 'mine', true)], hands: ['b', 'me'] });
    expect(tracker.next(start, next).map(say)).toEqual(['Bob says: hi', 'Carol joined', 'Bob raised a hand']);
    expect(tracker.next(next, view({ people: [bob], chat: next.roomChat.chat, hands: ['b', 'me'] })).map(say)).toEqual(['Carol left']);
  });

  test('the sentences are the language’s own', () => {
    const heard = [{ kind: 'chat', name: 'Bob', text: 'hallo' }, { kind: 'hand', name: 'Bob' }, { kind: 'left', name: 'Carol' }] as const;
    const german = createI18n('de');
    expect(heard.map((activity) => sentence(activity, german))).toEqual(['Bob schreibt: hallo', 'Bob hat die Hand gehoben', 'Carol hat den Anruf verlassen']);
  });

  test('the people already there when we join are not news', () => {
    const tracker = createActivityTracker();
    const joining = view({ phase: 'joining' });
    const admitted = view({ phase: 'joining', people: [person('b', 'Bob')], hands: ['b'] });
    expect(tracker.next(joining, admitted)).toEqual([]);
    expect(tracker.next(admitted, { ...admitted, phase: 'in-call' })).toEqual([]);
  });

  test('after a rejoin, people and hands coming back under new feed ids are not announced again; a newcomer is', () => {
    const tracker = createActivityTracker();
    const before = view({ people: [person('b', 'Bob')], hands: ['b'] });
    const reconnecting = view({ phase: 'reconnecting', people: [person('b', 'Bob')], hands: ['b'] });
    const emptied = view({ phase: 'reconnecting' });
    const back = view();
    const bobAgain = view({ people: [person('b2', 'Bob')] });
    const withHand = view({ people: [person('b2', 'Bob'), person('d', 'Dan')], hands: ['b2'] });
    expect([tracker.next(before, reconnecting), tracker.next(reconnecting, emptied), tracker.next(emptied, back), tracker.next(back, bobAgain)].flat()).toEqual([]);
    expect(tracker.next(bobAgain, withHand)).toEqual([{ kind: 'joined', name: 'Dan' }]);
  });

  test('chat arriving while the call reconnects still counts', () => {
    const tracker = createActivityTracker();
    expect(tracker.next(view({ phase: 'reconnecting' }), view({ phase: 'reconnecting', chat: [chat('1', 'Bob', 'back soon')] }))).toEqual([{ kind: 'chat', name: 'Bob', text: 'back soon' }]);
  });

  test('someone arriving in the waiting room is news once; someone still waiting or leaving it is not', () => {
    const tracker = createActivityTracker();
    const ann = { id: 'guest-1', display: 'Ann' };
    const ben = { id: 'guest-2', display: 'Ben' };
    expect(tracker.next(view(), view({ waiting: [ann] }))).toEqual([{ kind: 'waiting', name: 'Ann' }]);
    expect(say({ kind: 'waiting', name: 'Ann' })).toBe('Ann is waiting to be let in');
    expect(tracker.next(view({ waiting: [ann] }), view({ waiting: [ann, ben] }))).toEqual([{ kind: 'waiting', name: 'Ben' }]);
    expect(tracker.next(view({ waiting: [ann, ben] }), view({ waiting: [ben] }))).toEqual([]);
  });
});
