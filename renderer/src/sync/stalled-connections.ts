/** A y-webrtc connection, as far as this module looks at it. */
export interface NegotiatingConnection {
  /** True once its data channel opened. */
  readonly connected: boolean;
  readonly closed: boolean;
  /** simple-peer's peer: `data` is every message that arrives. */
  readonly peer: { destroy(): void; once(event: 'data', listener: () => void): void };
}

/** The parts of y-webrtc's provider this module uses. */
export interface ConnectionsSource {
  readonly room: { readonly webrtcConns: ReadonlyMap<string, NegotiatingConnection> } | null;
  on(event: 'peers', listener: (event: { added: string[] }) => void): void;
  off(event: 'peers', listener: (event: { added: string[] }) => void): void;
}

/**
 * A connection that opens does so within a few seconds, TURN included; a
 * random spread keeps the two ends of a stuck pair from retrying together,
 * which is what got them stuck.
 */
export const STALLED_AFTER_MS = { min: 8_000, spread: 8_000 } as const;

/**
 * Closes any y-webrtc connection that has not delivered a first message in
 * time, so that y-webrtc announces itself again and the pair starts over.
 * Every y-webrtc peer, stock or ours, sends a sync step 1 the moment its
 * channel opens, so silence means the pair is broken.
 *
 * When both ends of a pair announce at once (as after a peer was dropped for
 * bad data, since both sides then close), y-webrtc's offer collision
 * handling can leave each end waiting on the other for good, or worse, both
 * ends initiators: each opens the data channel it created, reports
 * "connected", and sends on a channel the other never listens to. Stock
 * y-webrtc hides that by relaying through third peers; without relaying in
 * a full mesh (full-mesh-relay.ts), the pair would never sync again.
 * Returns the function that stops watching.
 */
export function retryStalledConnections(provider: ConnectionsSource, random: () => number = Math.random): () => void {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const watch = (peerId: string): void => {
    const connection = provider.room?.webrtcConns.get(peerId);
    if (!connection) return;
    let heard = false;
    connection.peer.once('data', () => {
      heard = true;
    });
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        // Only this same connection, still silent: a newer one gets its own timer.
        if (provider.room?.webrtcConns.get(peerId) !== connection || heard || connection.closed) return;
        connection.peer.destroy();
      },
      STALLED_AFTER_MS.min + random() * STALLED_AFTER_MS.spread,
    );
    timers.add(timer);
  };
  const onPeers = ({ added }: { added: string[] }): void => added.forEach(watch);
  provider.on('peers', onPeers);
  return () => {
    provider.off('peers', onPeers);
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
}
