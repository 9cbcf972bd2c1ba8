import { createHmac } from 'node:crypto';
import type { TurnGrant } from '../../shared/control/join-ticket.js';

/**
 * TURN REST credentials as coturn's `use-auth-secret` checks them: the
 * username is `<expiry>:<user>`, the password the base64 HMAC-SHA1 of the
 * username keyed with the shared secret.
 */
export function createTurnCredentials(secret: string, user: string, ttlSeconds: number, uris: readonly string[], now = Date.now()): TurnGrant {
  const expiresAtSeconds = Math.floor(now / 1000) + ttlSeconds;
  const username = `${expiresAtSeconds}:${user}`;
  const password = createHmac('sha1', secret).update(username).digest('base64');
  return { username, password, ttl: ttlSeconds, expiresAt: new Date(expiresAtSeconds * 1000).toISOString(), uris: [...uris] };
}
