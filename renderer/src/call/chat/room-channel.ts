/** What arrives in binary on the room's data channels, and when our own channel opens. */
export interface RoomChannelListener {
  data(bytes: Uint8Array): void;
  opened(): void;
}

/**
 * The camera publisher's data channel as the rest of the app sees it: chat
 * rides on it as text (RoomMessaging), documents as binary (the board and
 * annotations through the call). Janus relays what we send to every
 * subscriber of our feed.
 */
export class RoomChannel {
  private readonly listeners = new Set<RoomChannelListener>();

  constructor(private readonly channel: () => RTCDataChannel | null) {}

  isOpen(): boolean {
    return this.channel()?.readyState === 'open';
  }

  bufferedAmount(): number {
    return this.channel()?.bufferedAmount ?? 0;
  }

  /** Sends one binary message; nothing happens while the channel is closed (documents catch up when it opens). */
  send(bytes: Uint8Array): void {
    const channel = this.channel();
    if (channel?.readyState === 'open') channel.send(bytes as Uint8Array<ArrayBuffer>);
  }

  listen(listener: RoomChannelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A binary message from the room's subscription. */
  receive(data: ArrayBuffer): void {
    const bytes = new Uint8Array(data);
    for (const listener of this.listeners) listener.data(bytes);
  }

  /** Our channel opened: a new session, which may have missed messages. */
  opened(): void {
    for (const listener of this.listeners) listener.opened();
  }
}
