import { describe, expect, test } from 'vitest';
import { JoinRequestSchema } from '../../shared/control/join-ticket.js';
import { signGrant, verifyGrant } from './signed-grants.js';

const SECRET = 'deployment-secret-0123456789abcdef';
const NOW = 1_800_000_000_000;
const IN_AN_HOUR = NOW / 1000 + 3600;

describe('signed invites', () => {
  test('an invite signed for a room verifies for that room until it expires', () => {
    const invite = signGrant(SECRET, 'invite', 'standup', IN_AN_HOUR);
    expect(verifyGrant(SECRET, 'invite', 'standup', invite, NOW)).toEqual({ ok: true, expiresAtSeconds: IN_AN_HOUR });
    expect(verifyGrant(SECRET, 'invite', 'standup', invite, IN_AN_HOUR * 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  test('the client schema accepts what the signer writes', () => {
    const invite = signGrant(SECRET, 'invite', 'standup', IN_AN_HOUR);
    expect(JoinRequestSchema.safeParse({ room: 'standup', invite }).success).toBe(true);
  });

  test.each([
    ['another room', (invite: string) => verifyGrant(SECRET, 'invite', 'standup2', invite, NOW)],
    ['another secret', (invite: string) => verifyGrant(`${SECRET}x`, 'invite', 'standup', invite, NOW)],
    ['a renewal grant', (invite: string) => verifyGrant(SECRET, 'renewal', 'standup', invite, NOW)],
    ['a later expiry written in', (invite: string) => verifyGrant(SECRET, 'invite', 'standup', invite.replace(`v1.${IN_AN_HOUR}.`, `v1.${IN_AN_HOUR + 86_400}.`), NOW)],
    ['one flipped signature character', (invite: string) => verifyGrant(SECRET, 'invite', 'standup', `${invite.slice(0, -1)}${invite.endsWith('A') ? 'B' : 'A'}`, NOW)],
  ])('is refused for %s', (_label, check) => {
    expect(check(signGrant(SECRET, 'invite', 'standup', IN_AN_HOUR))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  test('an expired forgery is a bad signature, not "expired": only genuine invites are told they expired', () => {
    const forged = `v1.${NOW / 1000 - 10}.${'A'.repeat(43)}`;
    expect(verifyGrant(SECRET, 'invite', 'standup', forged, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  test.each(['', 'v2.1.abc', `v1.${IN_AN_HOUR}.short`, `v1.${IN_AN_HOUR}.${'A'.repeat(43)}.extra`])('malformed %j is refused', (grant) => {
    expect(verifyGrant(SECRET, 'invite', 'standup', grant, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});
