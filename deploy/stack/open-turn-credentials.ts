import { createServer, type Server } from 'node:http';
import { createTurnCredentials } from '../control/turn-credentials.js';

/** Credentials live a day: long enough for any meeting, short enough to be worthless once leaked. */
const TTL_SECONDS = 24 * 60 * 60;

/**
 * Serves `GET /turn-credentials` on loopback to anyone who asks: only for
 * the stack without its control plane, for clients that do not yet join
 * through it. With the control plane on, TURN credentials come only with an
 * admission (deploy/control/) and this server is not started.
 */
export function startOpenTurnCredentialServer(port: number, secret: string, uris: readonly string[]): Promise<Server> {
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
