// Types for the janus-gateway-js core modules the call engine imports. The
// package ships none; only what Confer uses is declared. The package index is
// never imported: it pulls in webrtc-adapter 1.x, which breaks getStats.

declare module 'janus-gateway-js/src/janus-message.js' {
  export default class JanusMessage {
    getPlainMessage(): Record<string, unknown>;
  }
}

declare module 'janus-gateway-js/src/plugin.js' {
  import type JanusMessage from 'janus-gateway-js/src/janus-message.js';
  import type Session from 'janus-gateway-js/src/session.js';
  export default class Plugin {
    /** Builds the local object for a handle that already exists on the server (after a `claim`). */
    static create(session: Session, name: string, id: number): Plugin;
    getId(): number;
    getName(): string;
    /** Sends `{janus: 'message', ...options}` and resolves with the reply that carries the same transaction (acks skipped). */
    sendWithTransaction(options: { body: Record<string, unknown>; jsep?: RTCSessionDescriptionInit }): Promise<JanusMessage>;
    /** Sends any handle-level request (`trickle`, `hangup`, …) without waiting for a reply. */
    send(message: Record<string, unknown>): Promise<unknown>;
    detach(): Promise<void>;
    on(event: 'message', listener: (message: JanusMessage) => void): this;
    on(event: 'error', listener: (error: unknown) => void): this;
    on(event: 'detach', listener: () => void): this;
    removeAllListeners(): this;
  }
}

declare module 'janus-gateway-js/src/session.js' {
  import type Connection from 'janus-gateway-js/src/connection.js';
  import type JanusMessage from 'janus-gateway-js/src/janus-message.js';
  import type Plugin from 'janus-gateway-js/src/plugin.js';
  import type Transaction from 'janus-gateway-js/src/transaction.js';
  export default class Session {
    /** Builds the local object for a session that already exists on the server (for `claim`). */
    static create(connection: Connection, id: number): Session;
    getId(): number;
    /** Sends a session-level message (session_id is added) without waiting for its reply. */
    send(message: Record<string, unknown>): Promise<unknown>;
    addTransaction(transaction: Transaction): void;
    addPlugin(plugin: Plugin): void;
    attachPlugin(name: string): Promise<Plugin>;
    destroy(): Promise<unknown>;
    on(event: 'destroy', listener: () => void): this;
    on(event: 'message', listener: (message: JanusMessage) => void): this;
    on(event: 'error', listener: (error: unknown) => void): this;
  }
}

declare module 'janus-gateway-js/src/connection.js' {
  import type Session from 'janus-gateway-js/src/session.js';
  export interface ConnectionOptions {
    /** Keep-alive period in ms; Janus drops a silent session after `session_timeout`. */
    keepalive?: number;
    token?: string;
    apisecret?: string;
  }
  export default class Connection {
    static create(id: string, address: string, options?: ConnectionOptions): Connection;
    open(): Promise<Connection>;
    close(): Promise<void>;
    createSession(): Promise<Session>;
    isClosed(): boolean;
    addSession(session: Session): void;
    on(event: 'close', listener: () => void): this;
    on(event: 'error', listener: (error: unknown) => void): this;
  }
}

declare module 'janus-gateway-js/src/transaction.js' {
  import type JanusMessage from 'janus-gateway-js/src/janus-message.js';
  export default class Transaction {
    constructor(id: string, callback: (reply: JanusMessage) => unknown, timeoutMs?: number);
    readonly id: string;
    readonly promise: Promise<unknown>;
    static generateRandomId(): string;
  }
}

declare module 'janus-gateway-js/src/error.js' {
  import type JanusMessage from 'janus-gateway-js/src/janus-message.js';
  export default class JanusError extends Error {
    constructor(message: JanusMessage);
    readonly code: number | undefined;
  }
}
