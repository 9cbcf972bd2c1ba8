import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import type { Server } from 'node:http';
import { createTurnCredentials, startTurnCredentialServer } from './turn-credentials.js';

describe('TURN REST credentials', () => {
  test('username is <expiry>:<user>, password the base64 HMAC-SHA1 of it', () => {
    const credentials = createTurnCredentials('s3cret', 'ada', 600, ['turn:127.0.0.1:3478'], 1_700_000_000_000);
    expect(credentials.username).toBe('1700000600:ada');
    expect(credentials.password).toBe(createHmac('sha1', 's3cret').update('1700000600:ada').digest('base64'));
    expect(credentials.ttl).toBe(600);
  });

  let server: Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  test('the endpoint serves fresh credentials on loopback and strips odd user names', async () => {
    server = await startTurnCredentialServer(0, 's3cret', ['turn:127.0.0.1:3478?transport=udp']);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const response = await fetch(`http://127.0.0.1:${port}/turn-credentials?user=ad%22a%3C%3E`);
    const body = (await response.json()) as { username: string; password: string; uris: string[] };
    expect(body.username).toMatch(/^\d+:ada$/);
    expect(body.password).toBe(createHmac('sha1', 's3cret').update(body.username).digest('base64'));
    expect(body.uris).toEqual(['turn:127.0.0.1:3478?transport=udp']);
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
  });
});
