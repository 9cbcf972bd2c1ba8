import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed grants: an invite link lets its holder into one room until it
 * expires; a renewal grant lets a call in progress fetch fresh Janus tokens
 * and TURN credentials. Both are `v1.<expiry seconds>.<HMAC-SHA256>` over
 * purpose, room and expiry with the deployment's secret, so any control-plane
 * process can check them and none has to remember them.
 */
export type GrantPurpose = 'invite' | 'renewal';

export type GrantCheck =
  | { readonly ok: true; readonly expiresAtSeconds: number }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad-signature' | 'expired' };

const GRANT_PATTERN = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, purpose: GrantPurpose, room: string, expiresAtSeconds: number): Buffer {
  // NUL separators: no room name can make one signed text read as another.
  return createHmac('sha256', secret).update(`confer-${purpose}\u0000${room}\u0000${expiresAtSeconds}`).digest();
}

export function signGrant(secret: string, purpose: GrantPurpose, room: string, expiresAtSeconds: number): string {
  return `v1.${expiresAtSeconds}.${mac(secret, purpose, room, expiresAtSeconds).toString('base64url')}`;
}

export function verifyGrant(secret: string, purpose: GrantPurpose, room: string, grant: string, now = Date.now()): GrantCheck {
  const match = GRANT_PATTERN.exec(grant);
  if (!match) return { ok: false, reason: 'malformed' };
  const expiresAtSeconds = Number(match[1]);
  // Compared as text: base64url's last character has spare bits, and decoding would let two spellings pass.
  const given = Buffer.from(match[2] ?? '');
  const expected = Buffer.from(mac(secret, purpose, room, expiresAtSeconds).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  // The signature is checked first, so an expired answer is only ever given for a genuine grant.
  if (expiresAtSeconds * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, expiresAtSeconds };
}
