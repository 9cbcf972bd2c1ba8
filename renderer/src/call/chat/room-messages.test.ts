import { describe, expect, test } from 'vitest';
import { applyRoomMessage, initialRoomChatState, parseRoomMessage, pruneHands, MAX_CHAT_HISTORY } from './room-messages.js';

describe('room messages', () => {
  test('parses valid messages and rejects malformed, oversized or unknown ones', () => {
    expect(parseRoomMessage(JSON.stringify({ type: 'chat', from: 'a', name: 'A', id: '1', text: 'hi' }))?.type).toBe('chat');
    expect(parseRoomMessage('{not json')).toBeNull();
    expect(parseRoomMessage(JSON.stringify({ type: 'chat', from: 'a', name: 'A', id: '1', text: 'x'.repeat(3000) }))).toBeNull();
    expect(parseRoomMessage(JSON.stringify({ type: 'reaction', from: 'a', name: 'A', id: '1', emoji: '💣' }))).toBeNull();
    expect(parseRoomMessage(JSON.stringify({ type: 'hand', from: 'a', name: 'A', raised: true, admin: true }))).toBeNull();
    expect(parseRoomMessage(42)).toBeNull();
  });

  test('chat keeps order, drops duplicates and bounds its history', () => {
    let state = initialRoomChatState;
    for (let index = 0; index < MAX_CHAT_HISTORY + 5; index += 1) {
      state = applyRoomMessage(state, { type: 'chat', from: 'a', name: 'A', id: String(index), text: `m${index}` }, 'me');
    }
    state = applyRoomMessage(state, { type: 'chat', from: 'a', name: 'A', id: '204', text: 'again' }, 'me');
    expect(state.chat).toHaveLength(MAX_CHAT_HISTORY);
    expect(state.chat.at(-1)?.text).toBe('m204');
    expect(applyRoomMessage(initialRoomChatState, { type: 'chat', from: 'me', name: 'Me', id: 'x', text: 't' }, 'me').chat[0]?.self).toBe(true);
  });

  test('hands raise, lower and go with their owner', () => {
    let state = applyRoomMessage(initialRoomChatState, { type: 'hand', from: 'bob', name: 'Bob', raised: true }, 'me');
    expect(state.raisedHands).toEqual({ bob: true });
    state = pruneHands(state, (id) => id !== 'bob');
    expect(state.raisedHands).toEqual({});
    state = applyRoomMessage(applyRoomMessage(state, { type: 'hand', from: 'c', name: 'C', raised: true }, 'me'), { type: 'hand', from: 'c', name: 'C', raised: false }, 'me');
    expect(state.raisedHands).toEqual({});
  });
});
