import { describe, expect, test } from 'vitest';
import { readTextRoomMessage } from './textroom-messages.js';

const T = '38802229-9043-4df6-8adf-777e999664a6';
const read = (message: unknown) => readTextRoomMessage(JSON.stringify(message));

describe('what the TextRoom data channel carries', () => {
  test('an answer answers its transaction, with the participants of a join', () => {
    expect(read({ textroom: 'success', transaction: T, participants: [{ username: 'guest-1', display: 'Ann' }] })).toEqual({
      answer: { textroom: 'success', transaction: T, participants: [{ username: 'guest-1', display: 'Ann' }] },
    });
    expect(read({ textroom: 'error', transaction: T, error_code: 417, error: 'No such room' })).toEqual({ answer: { textroom: 'error', transaction: T, error_code: 417, error: 'No such room' } });
  });

  test('Janus 1.1 answers a kick as `textbridge`: still the answer', () => {
    expect(read({ textbridge: 'success', transaction: T })).toEqual({ answer: { textroom: 'success', transaction: T } });
  });

  test('an event that carries the transaction of the request that caused it is an event, not the answer', () => {
    expect(read({ textroom: 'kicked', room: 'r', username: 'guest-1', transaction: T })).toEqual({ event: { textroom: 'kicked', room: 'r', username: 'guest-1', transaction: T } });
  });

  test.each([
    ['not JSON', '{"textroom":'],
    ['not an object', '"success"'],
    ['a binary message', new ArrayBuffer(4)],
    ['an answer without a transaction', JSON.stringify({ textroom: 'success' })],
    ['an unknown event', JSON.stringify({ textroom: 'announcement', room: 'r', text: 'hi' })],
    ['a display too long', JSON.stringify({ textroom: 'join', room: 'r', username: 'guest-1', display: 'x'.repeat(129) })],
    ['a message too long to be Janus', JSON.stringify({ textroom: 'message', room: 'r', from: 'guest-1', text: 'x'.repeat(300_000) })],
  ])('%s is neither', (_case, raw) => {
    expect(readTextRoomMessage(raw)).toBeNull();
  });
});
