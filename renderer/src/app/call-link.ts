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
 * How long someone must have been in the call before they bridge. Two
 * people who join at the same moment each see an empty room at first, and
 * both would link the call to y-webrtc, and to each other, until each sees
 * the other's feed: by then the room has spoken, and only one bridges.
 */
export const BRIDGE_SETTLE_MS = 3000;

/**
 * The call's bridge to a board's peers outside it: whoever in the call has
 * the smallest feed id, once settled in the call, and nobody when `allowed`
 * says no (a room with a PIN keeps its board inside the call, where Janus
 * checks who is in).
 */
export function callBridgeElection(store: CallStore, allowed: () => boolean): BridgeElection {
  let inCallSince: number | null = null;
  const candidate = (): boolean => {
    const { phase, selfId, roster } = store.getState();
    if (phase !== 'in-call') inCallSince = null;
    else inCallSince ??= Date.now();
    return allowed() && phase === 'in-call' && electBridge(selfId, Object.keys(roster));
  };
  const isBridge = (): boolean => candidate() && inCallSince !== null && Date.now() - inCallSince >= BRIDGE_SETTLE_MS;
  return {
    isBridge,
    watch(onChange) {
      let last = isBridge();
      let settleTimer: ReturnType<typeof setTimeout> | null = null;
      const check = (): void => {
        const now = isBridge();
        if (now !== last) {
          last = now;
          onChange();
        }
        // Elected but not yet settled: look again once the wait is over.
        if (settleTimer === null && !now && candidate() && inCallSince !== null) {
          settleTimer = setTimeout(() => {
            settleTimer = null;
            check();
          }, BRIDGE_SETTLE_MS - (Date.now() - inCallSince));
        }
      };
      const unsubscribe = store.subscribe(check);
      check();
      return () => {
        unsubscribe();
        if (settleTimer) clearTimeout(settleTimer);
      };
    },
  };
}
