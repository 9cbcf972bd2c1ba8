import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { startOpenTurnCredentialServer } from './open-turn-credentials.js';

describe('the stack\u2019s open TURN credential endpoint', () => {
  let server: Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  test('serves fresh credentials on loopback and strips odd user names', async () => {
    server = await startOpenTurnCredentialServer(0, 's3cret', ['turn:127.0.0.1:3478?transport=udp']);
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
