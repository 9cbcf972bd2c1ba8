import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { z } from 'zod';

/** What every Janus reply carries; the rest is read by whoever asked. Janus is a server we talk to: checked all the same. */
const JanusReplySchema = z.looseObject({
  janus: z.string(),
  transaction: z.string().optional(),
  error: z.looseObject({ code: z.number(), reason: z.string() }).optional(),
});
export type JanusReply = z.infer<typeof JanusReplySchema>;

export class JanusRequestError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(`Janus refused the request (${code}): ${reason}`);
    this.name = 'JanusRequestError';
  }
}

/** Long enough for a loaded Janus, short enough that a dead node does not hold up a join. */
const REQUEST_TIMEOUT_MS = 3000;

interface Pending {
  resolve(reply: JanusReply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * One WebSocket to Janus (its API or its admin API) with requests matched to
 * replies by transaction. `ack`s are skipped: the control plane sends only
 * requests Janus answers at once.
 */
export class JanusSocket {
  private readonly pending = new Map<string, Pending>();
  private closed = false;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', () => this.fail(new Error('the connection to Janus closed')));
    socket.on('error', (error) => this.fail(error));
  }

  /** `protocol` is `janus-protocol` for the API, `janus-admin-protocol` for the admin API. */
  static open(url: string, protocol: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<JanusSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, protocol, { handshakeTimeout: timeoutMs });
      socket.once('open', () => resolve(new JanusSocket(socket)));
      socket.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  request(message: Readonly<Record<string, unknown>>, timeoutMs = REQUEST_TIMEOUT_MS): Promise<JanusReply> {
    if (this.closed) return Promise.reject(new Error('the connection to Janus is closed'));
    const transaction = randomBytes(9).toString('base64url');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(transaction);
        reject(new Error(`Janus did not answer ${String(message.janus)} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(transaction, { resolve, reject, timer });
      this.socket.send(JSON.stringify({ ...message, transaction }));
    });
  }

  /** Sends without waiting for an answer: for keepalives, which Janus only acks. */
  notify(message: Readonly<Record<string, unknown>>): void {
    if (!this.closed) this.socket.send(JSON.stringify({ ...message, transaction: randomBytes(9).toString('base64url') }));
  }

  close(): void {
    this.socket.close();
    this.fail(new Error('the connection to Janus was closed'));
  }

  private receive(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    const reply = JanusReplySchema.safeParse(parsed);
    if (!reply.success || reply.data.janus === 'ack' || !reply.data.transaction) return;
    const waiting = this.pending.get(reply.data.transaction);
    if (!waiting) return;
    this.pending.delete(reply.data.transaction);
    clearTimeout(waiting.timer);
    if (reply.data.janus === 'error') waiting.reject(new JanusRequestError(reply.data.error?.code ?? 0, reply.data.error?.reason ?? 'no reason given'));
    else waiting.resolve(reply.data);
  }

  private fail(error: Error): void {
    this.closed = true;
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
    this.pending.clear();
  }
}

/**
 * Opens a socket on first use and again after it closed: a cache of a
 * connection, never state the answers depend on.
 */
export class ReconnectingJanusSocket {
  private current: Promise<JanusSocket> | null = null;

  constructor(
    private readonly url: string,
    private readonly protocol: string,
  ) {}

  /** Concurrent callers share one opening: the check and the assignment happen in one turn. */
  async socket(): Promise<JanusSocket> {
    const pending = (this.current ??= JanusSocket.open(this.url, this.protocol));
    try {
      const socket = await pending;
      if (socket.isOpen) return socket;
    } catch (error) {
      if (this.current === pending) this.current = null;
      throw error;
    }
    if (this.current === pending) this.current = null;
    return (this.current ??= JanusSocket.open(this.url, this.protocol));
  }

  close(): void {
    void this.current?.then((socket) => socket.close(), () => undefined);
    this.current = null;
  }
}
