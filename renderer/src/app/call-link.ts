import type { CallEngine } from '../call/call-engine.js';
import type { CallStore } from '../call/call-store.js';
import { electBridge, type BridgeElection } from '../sync/call-room/bridged-transport.js';
import type { CallLink } from '../sync/call-room/call-channel.js';

/** The call as documents need it: its data channel and who Janus let into the room. */
export function createCallLink(engine: CallEngine, store: CallStore): CallLink {
  let roster = store.getState().roster;
  let members: ReadonlySet<string> = new Set(Object.keys(roster));
  // One set per roster: documents ask for it on every message.
  const readMembers = (): ReadonlySet<string> => {
    const now = store.getState().roster;
    if (now !== roster) {
      roster = now;
      members = new Set(Object.keys(now));
    }
    return members;
  };
  return {
    selfId: () => store.getState().selfId,
    members: readMembers,
    isOpen: () => engine.roomChannel.isOpen(),
    bufferedAmount: () => engine.roomChannel.bufferedAmount(),
    rtc: () => engine.rtcConfiguration() ?? {},
    send: (bytes) => engine.roomChannel.send(bytes),
    listen(listener) {
      const stopData = engine.roomChannel.listen(listener);
      const stopRoster = store.subscribe((state, previous) => {
        if (state.roster !== previous.roster) listener.membersChanged();
      });
      return () => {
        stopData();
        stopRoster();
      };
    },
  };
}

/**
 * The call's bridge to a board's peers outside it: whoever in the call has
 * the smallest feed id, and nobody when `allowed` says no (a room with a
 * PIN keeps its board inside the call, where Janus checks who is in).
 */
export function callBridgeElection(store: CallStore, allowed: () => boolean): BridgeElection {
  const isBridge = (): boolean => {
    const { phase, selfId, roster } = store.getState();
    return allowed() && phase === 'in-call' && electBridge(selfId, Object.keys(roster));
  };
  return {
    isBridge,
    watch(onChange) {
      let last = isBridge();
      return store.subscribe(() => {
        const now = isBridge();
        if (now !== last) {
          last = now;
          onChange();
        }
      });
    },
  };
}
