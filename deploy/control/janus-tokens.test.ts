import { describe, expect, test } from 'vitest';
import { expiredJanusTokens, janusTokenExpiry, mintJanusToken } from './janus-tokens.js';

const NOW = 1_800_000_000_000;

describe('Janus tokens with their expiry inside', () => {
  test('a minted token carries its expiry, and two tokens never repeat', () => {
    const first = mintJanusToken(600, NOW);
    expect(first.expiresAtSeconds).toBe(NOW / 1000 + 600);
    expect(janusTokenExpiry(first.token)).toBe(first.expiresAtSeconds);
    expect(mintJanusToken(600, NOW).token).not.toBe(first.token);
  });

  test('the sweep picks ours that expired, and leaves live ones and tokens it did not mint', () => {
    const expired = mintJanusToken(60, NOW - 120_000).token;
    const live = mintJanusToken(60, NOW).token;
    expect(expiredJanusTokens([expired, live, 'operator-token', 'confer.1.x'], NOW)).toEqual([expired]);
  });
});
