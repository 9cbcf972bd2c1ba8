import { WebrtcProvider } from 'y-webrtc';
import { stopBroadcastEcho } from './broadcast-echo.js';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import type { DocumentRoom, DocumentTransport, TransportConnection } from './document-transport.js';
import { stopRelayingInFullMesh } from './full-mesh-relay.js';
import { createGuardedWebrtc } from './guarded-webrtc.js';
import { retryStalledConnections } from './stalled-connections.js';
import { DISCONNECTED, type SignalingStatus, type SyncStatusStore } from './sync-status.js';

/**
 * y-webrtc's peer cap. Below it every peer is connected to every other and
 * nothing is relayed (full-mesh-relay.ts), so each update costs one message
 * per peer; a larger room falls back to relaying, whose cost grows as N².
 */
const MAX_PEER_CONNECTIONS = 20;

/** Keeps `status.signaling` on whether any signaling server is reachable; returns the unsubscribe. */
function watchSignaling(provider: WebrtcProvider, status: SyncStatusStore): () => void {
  const update = (): void => {
    const signaling: SignalingStatus = provider.signalingConns.some((connection) => connection.connected) ? 'connected' : 'connecting';
    status.setState({ signaling });
  };
  for (const connection of provider.signalingConns) {
    connection.on('connect', update);
    connection.on('disconnect', update);
  }
  update();
  return () => {
    for (const connection of provider.signalingConns) {
      connection.off('connect', update);
      connection.off('disconnect', update);
    }
  };
}

/** Keeps `status.peerCount` on the peers whose data channel is open; returns the unsubscribe. */
function countPeers(provider: WebrtcProvider, status: SyncStatusStore): () => void {
  // y-webrtc's `peers` lists connections still being negotiated too: only an open data channel counts,
  // so "connected" never shows (and a test never proceeds) before strokes can actually cross.
  const count = (): void => {
    const connections = provider.room?.webrtcConns.values() ?? [];
    status.setState({ peerCount: [...connections].filter((connection) => connection.connected).length });
  };
  const onPeers = ({ added }: { added: string[] }): void => {
    for (const peerId of added) provider.room?.webrtcConns.get(peerId)?.peer.once('connect', count);
    count();
  };
  provider.on('peers', onPeers);
  return () => provider.off('peers', onPeers);
}

/**
 * Once y-webrtc has opened its room (when its key promise settles): no
 * relaying in a full mesh, and no echo of our own broadcast-channel
 * messages. Returns the undo.
 */
function adjustRoomOnceOpen(provider: WebrtcProvider): () => void {
  let left = false;
  let restore: Array<() => void> = [];
  // y-webrtc opens the room in its own callback on the same promise, registered first: the room exists here.
  void Promise.resolve(provider.key).then(() => {
    if (!left && provider.room) restore = [stopRelayingInFullMesh(provider.room), stopBroadcastEcho(provider.room)];
  });
  return () => {
    left = true;
    for (const undo of restore.reverse()) undo();
  };
}

/**
 * Documents over y-webrtc, with the configured signaling and ICE servers
 * only (never y-webrtc's public defaults), every peer message checked by the
 * update guard (guarded-webrtc.ts), no relaying in a full mesh, and
 * connections stuck in negotiation started over (stalled-connections.ts).
 */
export function createWebrtcTransport(config: RuntimeConfig): DocumentTransport {
  return {
    connect({ name, doc, awareness, status, label }: DocumentRoom): TransportConnection {
      const provider = new WebrtcProvider(name, doc, {
        signaling: config.signalingUrls,
        awareness,
        maxConns: MAX_PEER_CONNECTIONS,
        peerOpts: {
          config: { iceServers: config.iceServers },
          wrtc: createGuardedWebrtc((reason) => {
            console.warn(`${label}: dropped a peer that sent bad data (${reason})`);
            status.setState({ refusedPeer: reason });
          }),
        },
      });
      const stopSignaling = watchSignaling(provider, status);
      const stopCounting = countPeers(provider, status);
      const putBack = adjustRoomOnceOpen(provider);
      const stopRetrying = retryStalledConnections(provider);
      return {
        destroy() {
          stopSignaling();
          stopCounting();
          stopRetrying();
          // y-webrtc's own listeners go back first: its disconnect unregisters those it knows.
          putBack();
          provider.destroy();
          status.setState(DISCONNECTED);
          // y-webrtc leaves its module-wide room registry only once the room key settled.
          return Promise.resolve(provider.key).then(() => undefined);
        },
      };
    },
  };
}
