import type { CallPhase, CallState, CallStore } from './call-store.js';

/** Past this, whatever waits on the first remote frame starts anyway: a stalled feed must not hold it back for long. */
export const FIRST_FRAME_WAIT_CAP_MS = 4000;

/** A tile showed a frame of a feed the subscription delivers video for (tiles report it, see MediaElements). */
function remoteFrameShown(state: CallState): boolean {
  return Object.entries(state.remoteMedia).some(([feedId, media]) => media.video !== null && state.remoteVideoShown[feedId] === true);
}

/** A call in these phases is still on: a reconnect in the first seconds does not end the wait. */
export const CALL_ONGOING: ReadonlySet<CallPhase> = new Set(['joining', 'in-call', 'reconnecting']);

function nobodyPublishesVideo(state: CallState): boolean {
  return !Object.values(state.roster).some((participant) => participant.publishing && !participant.videoMuted);
}

/**
 * Resolves once a just-joined call has shown a remote video frame on a
 * tile, or at once when nobody else publishes video, or
 * when the call ends, or after `capMs`. Work that can wait,
 * such as opening the room's board, waits for this so that it does not
 * compete with the first frame: on a busy machine that costs the user
 * hundreds of milliseconds of a black tile.
 */
export function whenFirstRemoteFrame(calls: CallStore, capMs = FIRST_FRAME_WAIT_CAP_MS): Promise<void> {
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const check = (state: CallState): void => {
      if (!CALL_ONGOING.has(state.phase) || nobodyPublishesVideo(state) || remoteFrameShown(state)) finish();
    };
    const timer = setTimeout(finish, capMs);
    const unsubscribe = calls.subscribe(check);
    check(calls.getState());
  });
}
