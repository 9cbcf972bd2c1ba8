import type Connection from 'janus-gateway-js/src/connection.js';
import type JanusError from 'janus-gateway-js/src/error.js';
import type Plugin from 'janus-gateway-js/src/plugin.js';
import type Session from 'janus-gateway-js/src/session.js';
import type Transaction from 'janus-gateway-js/src/transaction.js';
import { timeLimit } from '../time-limit.js';
import { JanusRequestError } from './janus-request-error.js';

/** Keep-alives well inside Janus's default 60 s session timeout. */
const KEEPALIVE_MS = 25_000;

/** A server that takes the TCP connection but never answers the WebSocket upgrade (a hung process) must not hold up a join or a claim forever. */
const OPEN_TIMEOUT_MS = 10_000;

export interface JanusSession {
  readonly session: Session;
  /** Resolves when the WebSocket to Janus closes, for whatever reason. */
  readonly closed: Promise<void>;
  /** When the last frame from Janus arrived (performance.now()): a server that answers nothing, keep-alives included, is gone. */
  lastHeardAt(): number;
  close(): Promise<void>;
}

/**
 * What Janus may ask of every request: a `token` (`token_auth`) and the
 * `apisecret`. janus-gateway-js adds both to every message it sends,
 * keep-alives and `claim` included. `token` is read at each message, so an
 * object whose token changes (a renewal) switches every open socket.
 */
export interface JanusCredentials {
  readonly token?: string | undefined;
  readonly apiSecret?: string | undefined;
}

/** Called with frames from Janus that are dropped before the library sees them. */
export type InvalidFrameListener = (problem: string) => void;

const warnInvalidFrame: InvalidFrameListener = (problem) => console.warn(`Janus: ${problem}`);

interface W3cSocket {
  onmessage: ((message: { data: unknown }) => void) | null;
}

/**
 * janus-gateway-js parses each frame with JSON.parse inside the socket's
 * handler, so a frame that is not JSON throws out of it, and one that is
 * not an object breaks its routing. Only JSON objects reach it; the rest
 * is dropped with a reason.
 */
function guardIncomingFrames(connection: Connection, onInvalid: InvalidFrameListener, onFrame: () => void): void {
  const socket = (connection as unknown as { _websocketConnection?: { _webSocket?: W3cSocket } })._websocketConnection?._webSocket;
  const handle = socket?.onmessage;
  if (!socket || !handle) return;
  socket.onmessage = (message) => {
    onFrame();
    let frame: unknown;
    try {
      frame = typeof message.data === 'string' ? JSON.parse(message.data) : undefined;
    } catch {
      frame = undefined;
    }
    if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
      onInvalid('ignored a frame that is not a JSON object');
      return;
    }
    handle(message);
  };
}

interface JanusLibrary {
  readonly Connection: typeof Connection;
  readonly JanusError: typeof JanusError;
  readonly Plugin: typeof Plugin;
  readonly Session: typeof Session;
  readonly Transaction: typeof Transaction;
}

let library: Promise<JanusLibrary> | null = null;

/**
 * janus-gateway-js, with bluebird and eventemitter2 beneath it, is about a
 * sixth of the page's script: it loads with the first session (the lobby
 * prepares one at once), not with the page, so a board opened on its own
 * starts without it.
 */
function loadJanusLibrary(): Promise<JanusLibrary> {
  library ??= Promise.all([
    import('janus-gateway-js/src/connection.js'),
    import('janus-gateway-js/src/error.js'),
    import('janus-gateway-js/src/plugin.js'),
    import('janus-gateway-js/src/session.js'),
    import('janus-gateway-js/src/transaction.js'),
  ]).then(([connection, error, plugin, session, transaction]) => ({
    Connection: connection.default,
    JanusError: error.default,
    Plugin: plugin.default,
    Session: session.default,
    Transaction: transaction.default,
  }));
  // A failed load (an interrupted update) is tried again by the next session.
  library.catch(() => (library = null));
  return library;
}

interface OpenConnection {
  readonly connection: Connection;
  readonly lastHeardAt: () => number;
}

async function openConnection(url: string, credentials: JanusCredentials, onInvalid: InvalidFrameListener): Promise<OpenConnection> {
  const options = { keepalive: KEEPALIVE_MS, ...(credentials.apiSecret ? { apisecret: credentials.apiSecret } : {}) };
  // The library reads its options' token on every message it sends: read through, a renewed token (control plane) rides on the next request, keep-alives included.
  Object.defineProperty(options, 'token', { enumerable: true, get: () => credentials.token });
  const { Connection } = await loadJanusLibrary();
  const connection = Connection.create(crypto.randomUUID(), url, options);
  try {
    await timeLimit(connection.open(), OPEN_TIMEOUT_MS, () => new Error('no answer'));
  } catch {
    void connection.close().catch(() => undefined);
    throw new Error(`Cannot reach the media server at ${url}`);
  }
  let heardAt = performance.now();
  guardIncomingFrames(connection, onInvalid, () => (heardAt = performance.now()));
  // Errors are surfaced through the requests that cause them; an unhandled 'error' must not throw.
  connection.on('error', () => undefined);
  return { connection, lastHeardAt: () => heardAt };
}

function wrap({ connection, lastHeardAt }: OpenConnection, session: Session): JanusSession {
  const closed = new Promise<void>((resolve) => {
    if (connection.isClosed()) resolve();
    connection.on('close', () => resolve());
  });
  return { session, closed, lastHeardAt, close: () => connection.close() };
}

/** Opens the WebSocket to Janus and creates a session on it. */
export async function openJanusSession(url: string, credentials: JanusCredentials = {}, onInvalid = warnInvalidFrame): Promise<JanusSession> {
  const opened = await openConnection(url, credentials, onInvalid);
  const { connection } = opened;
  try {
    return wrap(opened, await connection.createSession());
  } catch (error) {
    // Refused (a wrong token or secret): the socket has nothing more to do.
    await connection.close().catch(() => undefined);
    throw JanusRequestError.from(error, 'create');
  }
}

/**
 * Takes a session back over a new WebSocket with `claim`, while Janus still
 * keeps it (`reclaim_session_timeout`). The library forgets a session when
 * its socket closes, so the session and its plugin handles are rebuilt
 * around their old ids. Rejects when Janus no longer knows the session.
 */
export async function reclaimJanusSession(
  url: string,
  credentials: JanusCredentials,
  sessionId: number,
  handles: readonly { id: number; name: string }[],
  onInvalid = warnInvalidFrame,
): Promise<{ janus: JanusSession; plugins: Plugin[] }> {
  const opened = await openConnection(url, credentials, onInvalid);
  const { connection } = opened;
  const { JanusError, Plugin, Session, Transaction } = await loadJanusLibrary();
  try {
    const session = Session.create(connection, sessionId);
    connection.addSession(session);
    const transactionId = Transaction.generateRandomId();
    const claimed = new Transaction(transactionId, (reply) => {
      if (reply.getPlainMessage().janus !== 'success') throw new JanusError(reply);
      return reply;
    });
    session.addTransaction(claimed);
    await session.send({ janus: 'claim', transaction: transactionId });
    await claimed.promise;
    const plugins = handles.map(({ id, name }) => {
      const plugin = Plugin.create(session, name, id);
      session.addPlugin(plugin);
      return plugin;
    });
    return { janus: wrap(opened, session), plugins };
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
}
