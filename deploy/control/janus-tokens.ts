import { randomBytes } from 'node:crypto';

/**
 * Janus `token_auth` tokens the control plane adds: `confer.<expiry seconds>.<random>`.
 * The expiry is written into the token itself, so any control-plane process
 * can sweep any node's expired tokens from `list_tokens` alone, remembering
 * nothing.
 */
const TOKEN_PATTERN = /^confer\.(\d{1,12})\.[A-Za-z0-9_-]{22}$/;

export interface IssuedToken {
  readonly token: string;
  readonly expiresAtSeconds: number;
}

export function mintJanusToken(ttlSeconds: number, now = Date.now()): IssuedToken {
  const expiresAtSeconds = Math.floor(now / 1000) + ttlSeconds;
  return { token: `confer.${expiresAtSeconds}.${randomBytes(16).toString('base64url')}`, expiresAtSeconds };
}

/** The expiry written in one of our tokens; null for tokens someone else added, which sweeps leave alone. */
export function janusTokenExpiry(token: string): number | null {
  const match = TOKEN_PATTERN.exec(token);
  return match ? Number(match[1]) : null;
}

export function expiredJanusTokens(tokens: readonly string[], now = Date.now()): string[] {
  return tokens.filter((token) => {
    const expiry = janusTokenExpiry(token);
    return expiry !== null && expiry * 1000 <= now;
  });
}
