import type { DocumentRoom, DocumentTransport, TransportConnection } from '../document-transport.js';
import { createSyncStatusStore, DISCONNECTED } from '../sync-status.js';

/** Whether this peer is the one that links the call's copy of a document to its peers outside the call. */
export interface BridgeElection {
  isBridge(): boolean;
  /** Calls back when the answer may have changed; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
}

/** The peer with the smallest feed id among us and the room's members: every participant computes the same one. */
export function electBridge(selfId: string | null, members: Iterable<string>): boolean {
  if (selfId === null) return false;
  for (const member of members) if (member < selfId) return false;
  return true;
}

/**
 * A document in a call: synced through the call for everyone in it, and
 * linked by one elected participant to peers who opened it outside the call
 * (over y-webrtc). Yjs passes an update that arrived on one transport to
 * the other, so the two copies merge, while the callers form no mesh among
 * themselves and a board in a call needs no signaling server.
 */
export function createBridgedTransport(call: DocumentTransport, outside: DocumentTransport, election: BridgeElection): DocumentTransport {
  return {
    connect(room: DocumentRoom): TransportConnection {
      const callStatus = createSyncStatusStore();
      const outsideStatus = createSyncStatusStore();
      // One status for the user: the call's channel, with the outside peers counted in.
      const report = (): void => {
        const inCall = callStatus.getState();
        const apart = outsideStatus.getState();
        room.status.setState({ signaling: inCall.signaling, peerCount: inCall.peerCount + apart.peerCount, refusedPeer: inCall.refusedPeer ?? apart.refusedPeer });
      };
      const unsubscribes = [callStatus.subscribe(report), outsideStatus.subscribe(report)];
      const callConnection = call.connect({ ...room, status: callStatus });
      let outsideConnection: Promise<TransportConnection> | null = null;
      let leaving: Promise<void> = Promise.resolve();
      const follow = (): void => {
        if (election.isBridge() && !outsideConnection) {
          // y-webrtc may join a room again only once the last connection left it.
          outsideConnection = leaving.then(() => outside.connect({ ...room, status: outsideStatus }));
        } else if (!election.isBridge() && outsideConnection) {
          const closing = outsideConnection;
          outsideConnection = null;
          leaving = closing.then((connection) => connection.destroy()).then(() => outsideStatus.setState(DISCONNECTED));
        }
      };
      const stopWatching = election.watch(follow);
      follow();
      report();
      return {
        async destroy() {
          stopWatching();
          for (const unsubscribe of unsubscribes) unsubscribe();
          const closing = outsideConnection;
          outsideConnection = null;
          await Promise.all([callConnection.destroy(), closing?.then((connection) => connection.destroy()), leaving]);
          room.status.setState(DISCONNECTED);
        },
      };
    },
  };
}
