import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ControlAnswer, JoinService } from './join-service.js';

/** A join request is a room name and a PIN or an invite: a few hundred bytes. */
const BODY_LIMIT_BYTES = 4096;

function send<T>(reply: FastifyReply, answer: ControlAnswer<T>): FastifyReply {
  if (answer.status !== 200 && answer.retryAfterSeconds) reply.header('Retry-After', String(answer.retryAfterSeconds));
  return reply.code(answer.status).header('Cache-Control', 'no-store').send(answer.body);
}

/**
 * The control plane's HTTP face: `POST /join`, `POST /renew` and
 * `GET /health`. Every decision is the join service's; this only carries
 * requests to it. Answers are readable from any origin (the web build and
 * the app's own scheme call it), and no cookie is ever involved.
 */
export function buildControlServer(service: JoinService, options: { readonly trustProxy: boolean }): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, trustProxy: options.trustProxy });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
  });
  app.options('/*', async (_request, reply) =>
    reply.code(204).header('Access-Control-Allow-Methods', 'POST, GET').header('Access-Control-Allow-Headers', 'Content-Type').header('Access-Control-Max-Age', '600').send(),
  );
  app.post('/join', async (request, reply) => send(reply, await service.join(request.ip, request.body)));
  app.post('/renew', async (request, reply) => send(reply, await service.renew(request.ip, request.body)));
  app.get('/health', async () => ({ ok: true }));
  // Bodies that are not JSON never reach the join service: answer in the same shape.
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    return reply.code(status).send({ error: status === 500 ? 'internal' : 'invalid-request', message: status === 500 ? 'The control plane failed.' : `The request was not understood: ${error.message}` });
  });
  return app;
}
