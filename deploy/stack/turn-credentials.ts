import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface TurnCredentials {
  readonly username: string;
  readonly password: string;
  readonly ttl: number;
  readonly uris: readonly string[];
}

/**
 * TURN REST credentials as coturn's `use-auth-secret` checks them: the
 * username is `<expiry>:<user>`, the password the base64 HMAC-SHA1 of the
 * username keyed with the shared secret.
 */
export function createTurnCredentials(secret: string, user: string, ttlSeconds: number, uris: readonly string[], now = Date.now()): TurnCredentials {
  const username = `${Math.floor(now / 1000) + ttlSeconds}:${user}`;
  const password = createHmac('sha1', secret).update(username).digest('base64');
  return { username, password, ttl: ttlSeconds, uris };
}

/** Credentials live a day: long enough for any meeting, short enough to be worthless once leaked. */
const TTL_SECONDS = 24 * 60 * 60;

/** Serves `GET /turn-credentials` on loopback for the local stack's coturn. */
export function startTurnCredentialServer(port: number, secret: string, uris: readonly string[]): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== '/turn-credentials') {
      response.writeHead(404).end();
      return;
    }
    const user = (url.searchParams.get('user') ?? 'confer').replace(/[^A-Za-z0-9._-]/g, '').slice(0, 64) || 'confer';
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      // The web build and the app (app://confer) fetch this from another origin.
      'Access-Control-Allow-Origin': '*',
    });
    response.end(JSON.stringify(createTurnCredentials(secret, user, TTL_SECONDS, uris)));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
