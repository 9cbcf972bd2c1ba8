import { describe, expect, test } from 'vitest';
import { JoinRequestSchema } from '../../shared/control/join-ticket.js';
import { pinMatches, roomCredentials } from './room-credentials.js';

const SECRET = 'deployment-secret-0123456789abcdef';

describe('room credentials derived from the deployment secret', () => {
  test('are the same on every call, so every control-plane process agrees', () => {
    expect(roomCredentials(SECRET, 'standup')).toEqual(roomCredentials(SECRET, 'standup'));
  });

  test('differ between rooms and between deployments', () => {
    const standup = roomCredentials(SECRET, 'standup');
    const other = roomCredentials(SECRET, 'retro');
    const elsewhere = roomCredentials(`${SECRET}2`, 'standup');
    for (const key of ['pin', 'janusRoom', 'janusPin', 'roomSecret'] as const) {
      expect(other[key]).not.toEqual(standup[key]);
      expect(elsewhere[key]).not.toEqual(standup[key]);
    }
  });

  test('a PIN is 12 digits the join schema accepts; the Janus PIN and room secret are other values', () => {
    const { pin, janusPin, roomSecret, janusRoom } = roomCredentials(SECRET, 'standup');
    expect(pin).toMatch(/^\d{12}$/);
    expect(JoinRequestSchema.safeParse({ room: 'standup', pin }).success).toBe(true);
    expect(janusPin).not.toContain(pin);
    expect(roomSecret).not.toBe(janusPin);
    expect(janusRoom).toBeGreaterThan(0);
    expect(janusRoom).toBeLessThan(2 ** 48);
  });

  test('only the room\u2019s own PIN matches', () => {
    const { pin } = roomCredentials(SECRET, 'standup');
    expect(pinMatches(SECRET, 'standup', pin)).toBe(true);
    expect(pinMatches(SECRET, 'retro', pin)).toBe(false);
    expect(pinMatches(SECRET, 'standup', `${pin}0`)).toBe(false);
    expect(pinMatches(SECRET, 'standup', pin.replace(/.$/, (digit) => String((Number(digit) + 1) % 10)))).toBe(false);
  });
});
