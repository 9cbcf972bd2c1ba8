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
  export default class Plugin {
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
  import type JanusMessage from 'janus-gateway-js/src/janus-message.js';
  import type Plugin from 'janus-gateway-js/src/plugin.js';
  export default class Session {
    getId(): number;
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
    on(event: 'close', listener: () => void): this;
    on(event: 'error', listener: (error: unknown) => void): this;
  }
}
