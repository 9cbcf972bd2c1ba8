import { describe, expect, test } from 'vitest';
import { JanusRequestError } from './janus-request-error.js';
import { derivedRoomNumber, feedWireId, isIdTypeRefusal, newFeedId, roomAddress, roomNumberOf } from './room-ids.js';

describe('room and feed ids of both kinds', () => {
  test('a room named by a number is that number on a server with numeric ids, and stays a string on one with string ids', () => {
    expect(roomAddress('1234', 'numeric')).toEqual({ kind: 'numeric', room: 1234 });
    expect(roomAddress('1234', 'string')).toEqual({ kind: 'string', room: '1234' });
  });

  test('a room named by words gets the same positive number on every client', () => {
    const standup = roomAddress('standup', 'numeric').room;
    expect(standup).toBe(derivedRoomNumber('standup'));
    expect(typeof standup === 'number' && Number.isInteger(standup) && standup > 0).toBe(true);
    expect(derivedRoomNumber('retro')).not.toBe(standup);
  });

  test('only plain decimal numbers within 2^53 are room numbers', () => {
    expect(roomNumberOf('5678')).toBe(5678);
    for (const name of ['0', '0123', '12a', '1e3', '99999999999999999']) expect(roomNumberOf(name)).toBeNull();
  });

  test('feed ids travel as numbers only where the room takes numbers', () => {
    expect(feedWireId('4503599627370495', 'numeric')).toBe(4503599627370495);
    expect(feedWireId('5b1d6a0e', 'string')).toBe('5b1d6a0e');
    expect(() => feedWireId('5b1d6a0e', 'numeric')).toThrow(/not a number/);
  });

  test('new numeric feed ids are positive integers that JavaScript holds exactly', () => {
    expect(newFeedId('numeric', () => [0xffff_ffff, 0xffff_ffff])).toBe(String(Number.MAX_SAFE_INTEGER));
    expect(newFeedId('numeric', () => [0, 0])).toBe('1');
    expect(newFeedId('numeric', () => [0, 7])).toBe('7');
    for (let draw = 0; draw < 100; draw += 1) {
      const id = Number(newFeedId('numeric'));
      expect(Number.isSafeInteger(id) && id > 0).toBe(true);
    }
    expect(newFeedId('string')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('Janus’s 430 is the refusal of an id type; other errors are not', () => {
    expect(isIdTypeRefusal(new JanusRequestError('Invalid element type (room should be a positive integer)', 430, 'exists'))).toBe(true);
    expect(isIdTypeRefusal(new JanusRequestError('No such room', 426, 'join'))).toBe(false);
    expect(isIdTypeRefusal(new Error('Cannot reach the media server'))).toBe(false);
  });
});
