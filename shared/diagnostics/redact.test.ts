import { describe, expect, test } from 'vitest';
import { REDACTED, redactSecrets } from './redact.js';

describe('diagnostics redaction', () => {
  test('replaces room secrets, pins, tokens and TURN credentials wherever they nest', () => {
    const bundle = {
      room: 'standup',
      roomSecret: 'adminpwd',
      pin: '1234',
      config: {
        iceServers: [{ urls: 'turn:turn.example.com', username: '1700000000:ada', credential: 'c2VjcmV0' }],
        apisecret: 'janus-api',
        janusToken: 'a1b2c3d4',
        janusApiSecret: 'janusrocks',
      },
      events: [{ type: 'join', token: 'abc', durationMs: 420, pinRequired: true, pingMs: 12, keyframes: 3 }],
      room_secret: 'x',
      'turn-password': 'y',
    };
    expect(redactSecrets(bundle)).toEqual({
      room: 'standup',
      roomSecret: REDACTED,
      pin: REDACTED,
      config: { iceServers: [{ urls: 'turn:turn.example.com', username: REDACTED, credential: REDACTED }], apisecret: REDACTED, janusToken: REDACTED, janusApiSecret: REDACTED },
      events: [{ type: 'join', token: REDACTED, durationMs: 420, pinRequired: true, pingMs: 12, keyframes: 3 }],
      room_secret: REDACTED,
      'turn-password': REDACTED,
    });
  });

  test('cuts secrets out of URLs in any string', () => {
    expect(redactSecrets('wss://ada:hunter2@sfu.example.com/janus?token=xyz&room=standup')).toBe(
      `wss://${REDACTED}@sfu.example.com/janus?token=${REDACTED}&room=standup`,
    );
  });

  test('leaves the original untouched and stops at absurd depth', () => {
    const original = { secret: 's' };
    redactSecrets(original);
    expect(original.secret).toBe('s');
    let deep: unknown = { secret: 'bottom' };
    for (let level = 0; level < 100; level += 1) deep = { next: deep };
    expect(JSON.stringify(redactSecrets(deep))).not.toContain('bottom');
  });
});
