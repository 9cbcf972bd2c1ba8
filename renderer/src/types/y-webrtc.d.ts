// y-webrtc 10 ships no declarations; these cover what Confer uses.
declare module 'y-webrtc' {
  import type * as Y from 'yjs';
  import type { Awareness } from 'y-protocols/awareness';

  export interface SignalingConnection {
    readonly url: string;
    readonly connected: boolean;
    on(event: 'connect' | 'disconnect', listener: () => void): void;
    off(event: 'connect' | 'disconnect', listener: () => void): void;
  }

  export interface WebrtcProviderOptions {
    signaling?: string[];
    password?: string | null;
    awareness?: Awareness;
    maxConns?: number;
    filterBcConns?: boolean;
    /** simple-peer options; `config` is the RTCConfiguration. */
    peerOpts?: { config?: RTCConfiguration; [option: string]: unknown };
  }

  export interface PeersEvent {
    added: string[];
    removed: string[];
    webrtcPeers: string[];
    bcPeers: string[];
  }

  /** simple-peer's instance: its connect and data events, and destroy (which makes y-webrtc drop the connection and announce itself again). */
  export interface SimplePeer {
    once(event: 'connect' | 'data', listener: () => void): void;
    destroy(): void;
  }

  export interface WebrtcConn {
    /** True once the data channel is open. */
    readonly connected: boolean;
    readonly closed: boolean;
    readonly peer: SimplePeer;
  }

  /** y-webrtc's room. Its underscored members are y-webrtc internals, swapped by full-mesh-relay.ts and broadcast-echo.ts. */
  export class Room {
    constructor(doc: Y.Doc, provider: WebrtcProvider, name: string, key: CryptoKey | null);
    /** Also the name of its broadcast channel. */
    readonly name: string;
    readonly doc: Y.Doc;
    readonly awareness: Awareness;
    readonly provider: WebrtcProvider;
    readonly webrtcConns: Map<string, WebrtcConn>;
    /** True between connect() and disconnect(), exactly while the two listeners below are registered. */
    readonly bcconnected: boolean;
    /** Sends a document update to every peer, whatever its origin. */
    _docUpdateHandler: (update: Uint8Array, origin: unknown) => void;
    /** Sends an awareness change to every peer, whatever its origin. */
    _awarenessUpdateHandler: (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void;
    /** lib0's mutex: y-webrtc publishes to the broadcast channel, and applies what it receives, inside it. */
    mux: (run: () => void, otherwise?: () => void) => void;
    /** Applies a message from the broadcast channel (subscribed between connect() and disconnect()). */
    _bcSubscriber: (data: ArrayBuffer) => unknown;
    connect(): void;
    disconnect(): void;
    destroy(): void;
  }

  export class WebrtcProvider {
    constructor(roomName: string, doc: Y.Doc, options?: WebrtcProviderOptions);
    readonly roomName: string;
    readonly awareness: Awareness;
    readonly signalingConns: SignalingConnection[];
    readonly connected: boolean;
    /** y-webrtc accepts an announced peer only while it has fewer connections than this. */
    readonly maxConns: number;
    /** Set once the room key settled; null before and after. */
    readonly room: Room | null;
    /** The room's encryption key (null without a password); `destroy` leaves the room only once it settled. */
    readonly key: PromiseLike<CryptoKey | null>;
    connect(): void;
    disconnect(): void;
    destroy(): void;
    on(event: 'peers', listener: (event: PeersEvent) => void): void;
    on(event: 'status', listener: (event: { connected: boolean }) => void): void;
    on(event: 'synced', listener: (event: { synced: boolean }) => void): void;
    off(event: 'peers', listener: (event: PeersEvent) => void): void;
  }
}
