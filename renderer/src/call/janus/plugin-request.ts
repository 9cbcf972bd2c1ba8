import type Plugin from 'janus-gateway-js/src/plugin.js';
import { timeLimit } from '../time-limit.js';
import { JanusRequestError } from './janus-request-error.js';
import { JsepSchema, pluginDataOf } from './videoroom-messages.js';

/**
 * Janus answers a plugin request in milliseconds, SDP included. One that
 * stays unanswered this long (a wedged server, a half-open socket) fails
 * with a clear error, so that a join or a reconnect never waits forever.
 */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Sends one request to a plugin handle; resolves with the plugin's answer (for the caller to validate) and the SDP
 * Janus attached to it. A plugin's error, a late answer or a malformed SDP become a JanusRequestError.
 */
export async function pluginRequest(
  plugin: Plugin,
  body: Record<string, unknown>,
  jsep?: RTCSessionDescriptionInit,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<{ data: unknown; jsep: RTCSessionDescriptionInit | undefined }> {
  let reply: Record<string, unknown>;
  try {
    const sent = plugin.sendWithTransaction(jsep ? { body, jsep } : { body });
    const unanswered = () => new JanusRequestError(`Janus did not answer the '${String(body.request)}' request within ${timeoutMs / 1000} s`, undefined, String(body.request));
    reply = (await timeLimit(sent, timeoutMs, unanswered)).getPlainMessage();
  } catch (error) {
    throw JanusRequestError.from(error, String(body.request));
  }
  const answer = reply.jsep === undefined ? undefined : JsepSchema.safeParse(reply.jsep);
  if (answer && !answer.success) throw new JanusRequestError('Janus answered with a malformed SDP', undefined);
  return { data: pluginDataOf(reply), jsep: answer?.data };
}
