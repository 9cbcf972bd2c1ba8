import { describe, expect, test } from 'vitest';
import { JanusRequestError, VideoRoomErrorCode } from '../janus/janus-request-error.js';
import { initialReconnectState, nextReconnectState, RECLAIM_WINDOW_MS, RECONNECT_INTERVAL_MS, type ReconnectState } from './reconnect-policy.js';
import { JoinRefusedError, serverProblem } from './join-errors.js';
import { callErrorCode } from './call-error.js';
import { recoverCall, type Recovery, type RecoveryCause } from './recovery.js';

/** janus-gateway-js rejects a claim Janus refused with an error carrying Janus's code (458: no such session). */
const noSuchSession = Object.assign(new Error('No such session'), { code: 458 });

interface Script {
  /** Each claim attempt's outcome in turn: an error to reject with, or null to succeed. */
  claims: Array<unknown>;
  rejoins: Array<unknown>;
}

/** The recovery of one lost call on a fake clock, with scripted claim and rejoin outcomes. */
async function recover(script: Script, { startAt = 0, failover = false, cause = 'socket-lost' as RecoveryCause } = {}) {
  let clock = startAt;
  let state: ReconnectState = nextReconnectState(nextReconnectState(initialReconnectState, { type: 'join', failover }).state, { type: 'connected' }).state;
  const log: string[] = [];
  const attempt = (kind: string, outcomes: unknown[]) => async () => {
    log.push(`${kind}@${clock}`);
    clock += 10;
    const outcome = outcomes.shift();
    if (outcome !== null && outcome !== undefined) throw outcome;
  };
  const recovery: Recovery = {
    transition: (event) => {
      const next = nextReconnectState(state, event);
      state = next.state;
      return next.step;
    },
    claim: attempt('claim', script.claims),
    rejoin: attempt('rejoin', script.rejoins),
    end: async (error) => {
      log.push(`end: ${callErrorCode(error)}`);
      state = nextReconnectState(state, { type: 'ended', error }).state;
    },
    sleep: async (ms) => {
      clock += ms;
    },
    now: () => clock,
    ongoing: () => state.phase !== 'idle' && state.phase !== 'failed',
  };
  await recoverCall(recovery, cause);
  return { log, state };
}

describe('recovering a lost call: claim or rejoin', () => {
  test('a network blip is claimed back, and nothing is joined again', async () => {
    const { log, state } = await recover({ claims: [new Error('socket closed'), null], rejoins: [] });
    expect(log).toEqual(['claim@0', `claim@${10 + RECONNECT_INTERVAL_MS}`]);
    expect(state).toMatchObject({ phase: 'in-call', reconnects: 1 });
  });

  test('a claim that keeps failing without an answer turns into a rejoin once the reclaim window passed', async () => {
    const failures = Array.from({ length: 200 }, () => new Error('unreachable'));
    const { log, state } = await recover({ claims: failures, rejoins: [null] });
    const claims = log.filter((entry) => entry.startsWith('claim@'));
    const lastClaimAt = Number(claims.at(-1)?.split('@')[1]);
    expect(lastClaimAt).toBeLessThan(RECLAIM_WINDOW_MS);
    expect(claims.length).toBe(Math.ceil(RECLAIM_WINDOW_MS / (10 + RECONNECT_INTERVAL_MS)));
    expect(log.at(-1)).toMatch(/^rejoin@/);
    expect(Number(log.at(-1)?.split('@')[1])).toBeGreaterThanOrEqual(RECLAIM_WINDOW_MS);
    expect(state.phase).toBe('in-call');
  });

  test('with other nodes, a node that cannot be reached is claimed once, then the room is placed again at once', async () => {
    const { log, state } = await recover({ claims: [new Error('Cannot reach the media server')], rejoins: [null] }, { failover: true });
    expect(log).toEqual(['claim@0', 'rejoin@10']);
    expect(state).toMatchObject({ phase: 'in-call', reconnects: 1 });
  });

  test('a node whose media failed is rejoined elsewhere without a claim', async () => {
    const { log, state } = await recover({ claims: [], rejoins: [null] }, { failover: true, cause: 'node-failed' });
    expect(log).toEqual(['rejoin@0']);
    expect(state).toMatchObject({ phase: 'in-call', reconnects: 1 });
  });

  test('a rejoin after Janus forgot the session: one claim, then a rejoin at once', async () => {
    const { log, state } = await recover({ claims: [noSuchSession], rejoins: [null] });
    expect(log).toEqual(['claim@0', 'rejoin@10']);
    expect(state).toMatchObject({ phase: 'in-call', error: null });
  });

  test('rejoins are retried every interval until the server is back', async () => {
    const { log } = await recover({ claims: [noSuchSession], rejoins: [new Error('Cannot reach the media server'), new Error('Cannot reach the media server'), null] });
    expect(log).toEqual(['claim@0', 'rejoin@10', `rejoin@${20 + RECONNECT_INTERVAL_MS}`, `rejoin@${30 + 2 * RECONNECT_INTERVAL_MS}`]);
  });

  test('a rejoin the room refuses for a wrong PIN ends the call with the reason', async () => {
    const problem = serverProblem(new JanusRequestError('Unauthorized', VideoRoomErrorCode.unauthorized, 'join'), { room: 'r', token: false, apiSecret: false });
    expect(problem).toEqual({ reason: 'wrongPin', room: 'r' });
    const wrongPin = new JoinRefusedError(problem ?? { reason: 'wrongPin', room: 'r' });
    const { log, state } = await recover({ claims: [noSuchSession], rejoins: [wrongPin] });
    expect(log.at(-1)).toBe('end: wrongPin');
    expect(state).toMatchObject({ phase: 'failed' });
  });

  test('nothing more is tried once the call was left', async () => {
    let left = false;
    let state: ReconnectState = nextReconnectState(nextReconnectState(initialReconnectState, { type: 'join' }).state, { type: 'connected' }).state;
    const attempts: string[] = [];
    await recoverCall({
      transition: (event) => {
        const next = nextReconnectState(state, event);
        state = next.state;
        return next.step;
      },
      claim: async () => {
        attempts.push('claim');
        left = true;
        throw new Error('socket closed');
      },
      rejoin: async () => {
        attempts.push('rejoin');
      },
      end: async () => undefined,
      sleep: async () => undefined,
      now: () => 0,
      ongoing: () => !left,
    });
    expect(attempts).toEqual(['claim']);
    expect(state.phase).toBe('reclaiming');
  });
});
