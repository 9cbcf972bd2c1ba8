import { janusRefusedClaim, joinRefusal } from './join-errors.js';
import type { CallError } from './call-error.js';
import type { ReconnectEvent, ReconnectStep } from './reconnect-policy.js';

/** What recovering a call needs; the engine provides it, tests provide fakes. */
export interface Recovery {
  /** Feeds the reconnect policy and returns its next step (the engine writes the phase from it). */
  transition(event: ReconnectEvent): ReconnectStep;
  /** Takes the lost session back over a new WebSocket; rejects when that failed. */
  claim(): Promise<void>;
  /** Joins the room again from scratch; rejects when that failed. */
  rejoin(): Promise<void>;
  /** Ends the call with a reason for the user. */
  end(error: CallError): Promise<void>;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** False once the call being recovered was left or replaced: nothing more is done for it. */
  ongoing(): boolean;
}

async function attemptClaim(recovery: Recovery): Promise<ReconnectStep> {
  try {
    await recovery.claim();
    return recovery.ongoing() ? recovery.transition({ type: 'claimed' }) : { kind: 'none' };
  } catch (error) {
    if (!recovery.ongoing()) return { kind: 'none' };
    return recovery.transition({ type: 'claim-failed', at: recovery.now(), janusAnswered: janusRefusedClaim(error) });
  }
}

async function attemptRejoin(recovery: Recovery): Promise<ReconnectStep> {
  try {
    await recovery.rejoin();
    return recovery.ongoing() ? recovery.transition({ type: 'connected' }) : { kind: 'none' };
  } catch (error) {
    if (!recovery.ongoing()) return { kind: 'none' };
    return recovery.transition({ type: 'rejoin-failed', refusal: joinRefusal(error) });
  }
}

/** Why a call is being recovered: its WebSocket to Janus closed, or its node's media stayed broken. */
export type RecoveryCause = 'socket-lost' | 'node-failed';

/** Claims, waits, rejoins or ends, as the reconnect policy says, until it says stop. */
export async function recoverCall(recovery: Recovery, cause: RecoveryCause = 'socket-lost'): Promise<void> {
  let step = recovery.transition(cause === 'socket-lost' ? { type: 'socket-lost', at: recovery.now() } : { type: 'node-failed' });
  while (recovery.ongoing()) {
    switch (step.kind) {
      case 'none':
        return;
      case 'claim':
        step = await attemptClaim(recovery);
        break;
      case 'rejoin':
        step = await attemptRejoin(recovery);
        break;
      case 'wait':
        await recovery.sleep(step.ms);
        if (recovery.ongoing()) step = recovery.transition({ type: 'waited', at: recovery.now() });
        break;
      case 'end':
        await recovery.end(step.error);
        return;
    }
  }
}
