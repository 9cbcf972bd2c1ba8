import { z } from 'zod';
import { expiredJanusTokens, mintJanusToken, type IssuedToken } from './janus-tokens.js';
import { JanusRequestError, ReconnectingJanusSocket, JanusSocket } from './janus-socket.js';

const VIDEOROOM = 'janus.plugin.videoroom';
/** Janus's VideoRoom error code for a room that already exists: another process created it first. */
const ROOM_EXISTS = 427;
/** The control plane's own session token lives an hour and is replaced five minutes before it ends. */
const SERVICE_TOKEN_TTL_SECONDS = 3600;
const SERVICE_TOKEN_MARGIN_SECONDS = 300;
/** Below the stack's session_timeout of 60 s. */
const KEEPALIVE_MS = 25_000;

/** One Janus node as the join service uses it; tests hand in doubles. */
export interface RoomNode {
  readonly url: string;
  /** Throws when the node does not answer: the caller counts it as not live. */
  hasRoom(janusRoom: number): Promise<boolean>;
  createRoom(request: Readonly<Record<string, unknown>>): Promise<void>;
  /** Adds a `token_auth` token allowed only the VideoRoom plugin. */
  addClientToken(ttlSeconds: number): Promise<IssuedToken>;
  /** Removes this deployment's expired tokens; resolves with how many. */
  sweepTokens(): Promise<number>;
  close(): void;
}

export interface JanusNodeAddress {
  readonly url: string;
  readonly adminUrl: string;
  readonly adminSecret: string;
}

const IdReplySchema = z.looseObject({ data: z.looseObject({ id: z.number() }) });
const PluginReplySchema = z.looseObject({ plugindata: z.looseObject({ data: z.looseObject({ error_code: z.number().optional(), error: z.string().optional() }) }) });
const TokenListSchema = z.looseObject({ data: z.looseObject({ tokens: z.array(z.looseObject({ token: z.string() })) }) });
const ExistsSchema = z.looseObject({ exists: z.boolean() });

interface ServiceSession {
  readonly socket: JanusSocket;
  readonly sessionId: number;
  readonly handleId: number;
  readonly token: IssuedToken;
  readonly keepalive: NodeJS.Timeout;
}

/**
 * A Janus node reached through its admin API (tokens) and through a
 * VideoRoom handle on a session of the control plane's own (rooms). Both
 * connections are caches, reopened when they drop.
 */
export class JanusNode implements RoomNode {
  readonly url: string;
  private readonly admin: ReconnectingJanusSocket;
  private session: Promise<ServiceSession> | null = null;

  constructor(private readonly address: JanusNodeAddress) {
    this.url = address.url;
    this.admin = new ReconnectingJanusSocket(address.adminUrl, 'janus-admin-protocol');
  }

  async hasRoom(janusRoom: number): Promise<boolean> {
    return ExistsSchema.parse(await this.videoroomRequest({ request: 'exists', room: janusRoom })).exists;
  }

  async createRoom(request: Readonly<Record<string, unknown>>): Promise<void> {
    try {
      await this.videoroomRequest(request);
    } catch (error) {
      if (!(error instanceof JanusRequestError && error.code === ROOM_EXISTS)) throw error;
    }
  }

  async addClientToken(ttlSeconds: number): Promise<IssuedToken> {
    const token = mintJanusToken(ttlSeconds);
    await this.adminRequest({ janus: 'add_token', token: token.token, plugins: [VIDEOROOM] });
    return token;
  }

  async sweepTokens(): Promise<number> {
    const listed = TokenListSchema.parse(await this.adminRequest({ janus: 'list_tokens' }));
    const expired = expiredJanusTokens(listed.data.tokens.map((entry) => entry.token));
    for (const token of expired) await this.adminRequest({ janus: 'remove_token', token });
    return expired.length;
  }

  close(): void {
    this.admin.close();
    void this.session?.then((session) => this.end(session), () => undefined);
    this.session = null;
  }

  private async adminRequest(message: Readonly<Record<string, unknown>>): Promise<unknown> {
    return (await this.admin.socket()).request({ ...message, admin_secret: this.address.adminSecret });
  }

  /** A synchronous VideoRoom request; the plugin's own errors come back as JanusRequestError with its code. */
  async videoroomRequest(body: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
    const session = await this.serviceSession();
    const reply = await session.socket.request({ janus: 'message', session_id: session.sessionId, handle_id: session.handleId, token: session.token.token, body });
    const data = PluginReplySchema.parse(reply).plugindata.data;
    if (data.error_code !== undefined) throw new JanusRequestError(data.error_code, data.error ?? 'no reason given');
    return data;
  }

  /**
   * The session while its socket is open and its token has more than the
   * margin left, else a new one. Concurrent callers share one opening.
   */
  private async serviceSession(): Promise<ServiceSession> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const pending = (this.session ??= this.openSession());
      let session: ServiceSession;
      try {
        session = await pending;
      } catch (error) {
        if (this.session === pending) this.session = null;
        throw error;
      }
      if (session.socket.isOpen && session.token.expiresAtSeconds - Date.now() / 1000 > SERVICE_TOKEN_MARGIN_SECONDS) return session;
      if (this.session === pending) {
        this.end(session);
        this.session = null;
      }
    }
    throw new Error(`Janus at ${this.url} closed every session the control plane opened`);
  }

  private async openSession(): Promise<ServiceSession> {
    const token = mintJanusToken(SERVICE_TOKEN_TTL_SECONDS);
    await this.adminRequest({ janus: 'add_token', token: token.token, plugins: [VIDEOROOM] });
    const socket = await JanusSocket.open(this.url, 'janus-protocol');
    try {
      const sessionId = IdReplySchema.parse(await socket.request({ janus: 'create', token: token.token })).data.id;
      const handleId = IdReplySchema.parse(await socket.request({ janus: 'attach', session_id: sessionId, plugin: VIDEOROOM, token: token.token })).data.id;
      const keepalive = setInterval(() => socket.notify({ janus: 'keepalive', session_id: sessionId, token: token.token }), KEEPALIVE_MS);
      keepalive.unref();
      return { socket, sessionId, handleId, token, keepalive };
    } catch (error) {
      socket.close();
      throw error;
    }
  }

  /** The old session's token is left to the sweep: it may still be in flight for a request. */
  private end(session: ServiceSession): void {
    clearInterval(session.keepalive);
    session.socket.notify({ janus: 'destroy', session_id: session.sessionId, token: session.token.token });
    session.socket.close();
  }
}
