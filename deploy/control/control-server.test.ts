import { afterEach, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildControlServer } from './control-server.js';
import { roomCredentials } from './room-credentials.js';
import { SECRET, setUpJoinService } from './test-doubles.js';

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

function server() {
  const { service, audit } = setUpJoinService({ rateLimit: { burst: 2, perMinute: 1 } });
  app = buildControlServer(service, { trustProxy: false });
  return { app, audit };
}

describe('the control plane over HTTP', () => {
  test('POST /join answers a ticket readable from another origin, never cached', async () => {
    const { app } = server();
    const response = await app.inject({ method: 'POST', url: '/join', payload: { room: 'standup', pin: roomCredentials(SECRET, 'standup').pin } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ room: 'standup' });
  });

  test('a CORS preflight is allowed for JSON posts', async () => {
    const { app } = server();
    const response = await app.inject({ method: 'OPTIONS', url: '/join', headers: { origin: 'app://confer', 'access-control-request-method': 'POST' } });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-headers']).toBe('Content-Type');
  });

  test('a body that is not JSON is a 4xx in the control plane\u2019s error shape', async () => {
    const { app } = server();
    const broken = await app.inject({ method: 'POST', url: '/join', headers: { 'content-type': 'application/json' }, payload: '{"room":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: 'invalid-request' });
    const text = await app.inject({ method: 'POST', url: '/join', headers: { 'content-type': 'text/plain' }, payload: 'room=standup' });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ error: 'invalid-request' });
  });

  test('a body over 4 KB is refused before it is parsed', async () => {
    const { app } = server();
    const response = await app.inject({ method: 'POST', url: '/join', payload: { room: 'standup', pin: 'x'.repeat(5000) } });
    expect(response.statusCode).toBe(413);
  });

  test('past the burst, 429 with Retry-After', async () => {
    const { app } = server();
    const attempts = [];
    for (let index = 0; index < 3; index += 1) attempts.push(await app.inject({ method: 'POST', url: '/join', payload: { room: 'standup', pin: '000000000000' } }));
    expect(attempts.map((response) => response.statusCode)).toEqual([403, 403, 429]);
    expect(attempts[2]!.headers['retry-after']).toBe('60');
    expect(attempts[2]!.json()).toMatchObject({ error: 'rate-limited', message: expect.stringMatching(/^Too many attempts/) });
  });

  test('GET /health answers ok', async () => {
    const { app } = server();
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ ok: true });
  });
});
