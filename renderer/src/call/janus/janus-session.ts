import Connection from 'janus-gateway-js/src/connection.js';
import type Session from 'janus-gateway-js/src/session.js';

/** Keep-alives well inside Janus's default 60 s session timeout. */
const KEEPALIVE_MS = 25_000;

export interface JanusSession {
  readonly session: Session;
  /** Resolves when the WebSocket to Janus closes, for whatever reason. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/** Opens the WebSocket to Janus and creates a session on it. */
export async function openJanusSession(url: string): Promise<JanusSession> {
  const connection = Connection.create(crypto.randomUUID(), url, { keepalive: KEEPALIVE_MS });
  try {
    await connection.open();
  } catch {
    throw new Error(`Cannot reach the media server at ${url}`);
  }
  const closed = new Promise<void>((resolve) => connection.on('close', () => resolve()));
  // Errors are surfaced through the requests that cause them; an unhandled 'error' must not throw.
  connection.on('error', () => undefined);
  const session = await connection.createSession();
  return {
    session,
    closed,
    close: () => connection.close(),
  };
}
