import { describe, expect, test } from 'vitest';
import {
  callPhaseOf,
  initialReconnectState,
  nextReconnectState,
  RECLAIM_WINDOW_MS,
  RECONNECT_INTERVAL_MS,
  type ReconnectEvent,
  type ReconnectState,
  type ReconnectStep,
} from './reconnect-policy.js';

/** Runs events from `state`, returning the last state and the step after each event. */
function run(state: ReconnectState, ...events: ReconnectEvent[]): { state: ReconnectState; steps: ReconnectStep[] } {
  const steps: ReconnectStep[] = [];
  for (const event of events) {
    const next = nextReconnectState(state, event);
    state = next.state;
    steps.push(next.step);
  }
  return { state, steps };
}

const inCall = run(initialReconnectState, { type: 'join' }, { type: 'connected' }).state;
const wrongPin = { reason: 'wrongPin', room: 'standup' } as const;
const reclaiming = run(inCall, { type: 'socket-lost', at: 1000 }).state;
const rejoining = run(reclaiming, { type: 'claim-failed', at: 1100, janusAnswered: true }).state;

describe('joining', () => {
  test('a join starts from scratch, whatever came before', () => {
    const failed = run(inCall, { type: 'ended', error: wrongPin }).state;
    const { state, steps } = run(failed, { type: 'join' });
    expect(state).toEqual({ phase: 'joining', lostAt: null, reconnects: 0, error: null, failover: false });
    expect(steps).toEqual([{ kind: 'none' }]);
  });

  test('the room admitting us shows the call before our media is published', () => {
    const { state } = run(initialReconnectState, { type: 'join' }, { type: 'admitted' });
    expect(state.phase).toBe('in-call');
    expect(callPhaseOf(state)).toBe('in-call');
  });

  test('a complete session puts a joining call in the call', () => {
    expect(run(initialReconnectState, { type: 'join' }, { type: 'connected' }).state.phase).toBe('in-call');
  });

  test('a join that fails ends in failed with its reason; leaving ends in idle', () => {
    const joining = run(initialReconnectState, { type: 'join' }).state;
    const unreachable = { reason: 'failed', detail: 'Cannot reach the media server' } as const;
    expect(run(joining, { type: 'ended', error: unreachable }).state).toMatchObject({ phase: 'failed', error: unreachable });
    expect(run(inCall, { type: 'ended', error: null }).state).toMatchObject({ phase: 'idle', error: null });
  });
});

describe('a lost WebSocket', () => {
  test('is answered with a claim at once, counted, and shown as reconnecting', () => {
    const { state, steps } = run(inCall, { type: 'socket-lost', at: 1000 });
    expect(state).toMatchObject({ phase: 'reclaiming', lostAt: 1000, reconnects: 1 });
    expect(steps).toEqual([{ kind: 'claim' }]);
    expect(callPhaseOf(state)).toBe('reconnecting');
  });

  test('a claim that works puts the call back', () => {
    const { state, steps } = run(reclaiming, { type: 'claimed' });
    expect(state).toMatchObject({ phase: 'in-call', lostAt: null, reconnects: 1 });
    expect(steps).toEqual([{ kind: 'none' }]);
  });

  test('a claim that fails without an answer from Janus is tried again after the interval', () => {
    const { state, steps } = run(reclaiming, { type: 'claim-failed', at: 1050, janusAnswered: false }, { type: 'waited', at: 1300 });
    expect(state.phase).toBe('reclaiming');
    expect(steps).toEqual([{ kind: 'wait', ms: RECONNECT_INTERVAL_MS }, { kind: 'claim' }]);
  });

  test('a claim that fails into a rejoin once the reclaim window has passed', () => {
    const { state, steps } = run(
      reclaiming,
      { type: 'claim-failed', at: 1000 + RECLAIM_WINDOW_MS - 10, janusAnswered: false },
      { type: 'waited', at: 1000 + RECLAIM_WINDOW_MS },
    );
    expect(state).toMatchObject({ phase: 'rejoining', lostAt: null });
    expect(steps.at(-1)).toEqual({ kind: 'rejoin' });
    expect(callPhaseOf(state)).toBe('reconnecting');
  });

  test('Janus answering that it forgot the session rejoins at once, inside the window', () => {
    const { state, steps } = run(reclaiming, { type: 'claim-failed', at: 1100, janusAnswered: true });
    expect(state.phase).toBe('rejoining');
    expect(steps).toEqual([{ kind: 'rejoin' }]);
  });

  test('with other nodes, a node that does not answer is left at once for a rejoin that places the room again', () => {
    const withNodes = run(initialReconnectState, { type: 'join', failover: true }, { type: 'connected' }, { type: 'socket-lost', at: 1000 }).state;
    const { state, steps } = run(withNodes, { type: 'claim-failed', at: 1050, janusAnswered: false });
    expect(state.phase).toBe('rejoining');
    expect(steps).toEqual([{ kind: 'rejoin' }]);
    expect(run(state, { type: 'connected' }).state).toMatchObject({ phase: 'in-call', failover: true });
  });

  test('a node whose media failed is left for a rejoin, only when there are other nodes', () => {
    const withNodes = run(initialReconnectState, { type: 'join', failover: true }, { type: 'connected' }).state;
    const { state, steps } = run(withNodes, { type: 'node-failed' });
    expect(state).toMatchObject({ phase: 'rejoining', reconnects: 1 });
    expect(steps).toEqual([{ kind: 'rejoin' }]);
    expect(run(inCall, { type: 'node-failed' })).toEqual({ state: inCall, steps: [{ kind: 'none' }] });
  });

  test('a second loss after recovering counts again', () => {
    const back = run(reclaiming, { type: 'claimed' }).state;
    expect(run(back, { type: 'socket-lost', at: 9000 }).state).toMatchObject({ phase: 'reclaiming', lostAt: 9000, reconnects: 2 });
  });
});

describe('rejoining', () => {
  test('a failed rejoin is tried again every interval until one works', () => {
    const { state, steps } = run(rejoining, { type: 'rejoin-failed', refusal: null }, { type: 'waited', at: 2000 }, { type: 'connected' });
    expect(steps).toEqual([{ kind: 'wait', ms: RECONNECT_INTERVAL_MS }, { kind: 'rejoin' }, { kind: 'none' }]);
    expect(state).toMatchObject({ phase: 'in-call', error: null, reconnects: 1 });
  });

  test('a wrong PIN ends the call instead of retrying', () => {
    const { steps } = run(rejoining, { type: 'rejoin-failed', refusal: wrongPin });
    expect(steps).toEqual([{ kind: 'end', error: wrongPin }]);
    expect(run(rejoining, { type: 'ended', error: wrongPin }).state).toMatchObject({ phase: 'failed', error: wrongPin });
  });

  test('admitted while rejoining does not show the call before the session is complete', () => {
    expect(run(rejoining, { type: 'admitted' }).state.phase).toBe('rejoining');
  });
});

describe('events that do not apply change nothing', () => {
  const cases: Array<[string, ReconnectState, ReconnectEvent]> = [
    ['a lost socket while idle', initialReconnectState, { type: 'socket-lost', at: 0 }],
    ['a lost socket while already reclaiming', reclaiming, { type: 'socket-lost', at: 2000 }],
    ['a lost socket while rejoining', rejoining, { type: 'socket-lost', at: 2000 }],
    ['a claim result after leaving', run(reclaiming, { type: 'ended', error: null }).state, { type: 'claimed' }],
    ['a rejoin result while in the call', inCall, { type: 'rejoin-failed', refusal: null }],
    ['a wait ending after failing', run(rejoining, { type: 'ended', error: { reason: 'removed' } }).state, { type: 'waited', at: 5000 }],
    ['a claim result while rejoining', rejoining, { type: 'claim-failed', at: 3000, janusAnswered: false }],
  ];
  test.each(cases)('%s', (_name, state, event) => {
    const next = nextReconnectState(state, event);
    expect(next.state).toBe(state);
    expect(next.step).toEqual({ kind: 'none' });
  });
});
