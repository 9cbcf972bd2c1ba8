import { describe, expect, test } from 'vitest';
import type { TextRoomEvent } from './textroom-messages.js';
import { admissionOf, admissionText, nextWaiting, waitingFrom } from './waiting-room.js';

const TOKEN = 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff';
const whisper = (from: string, text: string, whisperFlag = true): TextRoomEvent => ({ textroom: 'message', room: 'r', from, text, whisper: whisperFlag });

describe('the waiting room', () => {
  test('a moderator\'s whisper lets someone in with its token', () => {
    expect(admissionOf(whisper('moderator-1', admissionText(TOKEN)))).toBe(TOKEN);
  });

  test.each([
    ['said to everyone', whisper('moderator-1', admissionText(TOKEN), false)],
    ['from someone else waiting', whisper('guest-2', admissionText(TOKEN))],
    ['not an admission', whisper('moderator-1', 'hello')],
    ['a token too short', whisper('moderator-1', JSON.stringify({ confer: 'admit', token: 'x' }))],
    ['with more fields', whisper('moderator-1', JSON.stringify({ confer: 'admit', token: TOKEN, extra: 1 }))],
  ])('a message %s admits nobody', (_case, event) => {
    expect(admissionOf(event)).toBeNull();
  });

  test('the list of who waits: moderators left out, arrivals in order, leaving and kicked removed, a closed room empty', () => {
    let waiting = waitingFrom([{ username: 'guest-1', display: 'Ann' }, { username: 'moderator-9', display: 'Host' }]);
    expect(waiting).toEqual([{ id: 'guest-1', display: 'Ann' }]);
    waiting = [...nextWaiting(waiting, { textroom: 'join', room: 'r', username: 'guest-2', display: '  ' })];
    waiting = [...nextWaiting(waiting, { textroom: 'join', room: 'r', username: 'guest-2', display: 'Ben' })];
    waiting = [...nextWaiting(waiting, { textroom: 'join', room: 'r', username: 'moderator-3', display: 'Co-host' })];
    expect(waiting).toEqual([{ id: 'guest-1', display: 'Ann' }, { id: 'guest-2', display: 'guest-2' }]);
    expect(nextWaiting(waiting, { textroom: 'leave', room: 'r', username: 'guest-1' })).toEqual([{ id: 'guest-2', display: 'guest-2' }]);
    expect(nextWaiting(waiting, { textroom: 'kicked', room: 'r', username: 'guest-2' })).toEqual([{ id: 'guest-1', display: 'Ann' }]);
    expect(nextWaiting(waiting, { textroom: 'destroyed', room: 'r' })).toEqual([]);
  });
});
