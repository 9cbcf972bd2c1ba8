import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { TurnGrantSchema } from '../../shared/control/join-ticket.js';
import { createTurnCredentials } from './turn-credentials.js';

describe('TURN REST credentials', () => {
  test('username is <expiry>:<user>, password the base64 HMAC-SHA1 of it, with ttl and expiry for renewal', () => {
    const credentials = createTurnCredentials('s3cret', 'ada', 600, ['turn:127.0.0.1:3478'], 1_700_000_000_000);
    expect(credentials.username).toBe('1700000600:ada');
    expect(credentials.password).toBe(createHmac('sha1', 's3cret').update('1700000600:ada').digest('base64'));
    expect(credentials.ttl).toBe(600);
    expect(credentials.expiresAt).toBe(new Date(1_700_000_600_000).toISOString());
    expect(TurnGrantSchema.parse(credentials)).toEqual(credentials);
  });
});
