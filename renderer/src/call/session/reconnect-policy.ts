import type { CallPhase } from '../call-store.js';
import type { CallError } from './call-error.js';
import type { JoinProblem } from './join-errors.js';

/** Between attempts to reach Janus again: short, so a restarted server is found at once. */
export const RECONNECT_INTERVAL_MS = 250;
/**
 * How long a lost WebSocket is answered with `claim` before joining from
 * scratch: inside the stack's 30 s reclaim_session_timeout, with room for
 * the round trips.
 */
export const RECLAIM_WINDOW_MS = 25_000;

export type ReconnectPhase = 'idle' | 'joining' | 'in-call' | 'reclaiming' | 'rejoining' | 'failed';

export interface ReconnectState {
  readonly phase: ReconnectPhase;
  /** When the WebSocket was lost, while reclaiming: the reclaim window counts from here. */
  readonly lostAt: number | null;
  /** Times the WebSocket was lost this call. */
  readonly reconnects: number;
  /** Why the call failed, for the user; null otherwise. */
  readonly error: CallError | null;
  /** Other Janus nodes are configured: a node that stops answering is left for the room's next node at once. */
  readonly failover: boolean;
}

export type ReconnectEvent =
  | { readonly type: 'join'; readonly failover?: boolean }
  /** The room let us in (Janus's `joined`): the call shows while our media is still being published. */
  | { readonly type: 'admitted' }
  /** A session is complete: room, publisher and subscription. */
  | { readonly type: 'connected' }
  | { readonly type: 'socket-lost'; readonly at: number }
  /** The node still answers but the call's media to it stays broken: with other nodes, the room is placed again. */
  | { readonly type: 'node-failed' }
  | { readonly type: 'claimed' }
  /** `janusAnswered`: Janus itself refused the claim (it no longer knows the session), so claiming again cannot work. */
  | { readonly type: 'claim-failed'; readonly at: number; readonly janusAnswered: boolean }
  /** `refusal`: a reason retrying cannot change (a wrong PIN), or null for a failure worth retrying. */
  | { readonly type: 'rejoin-failed'; readonly refusal: JoinProblem | null }
  /** A wait this policy asked for is over. */
  | { readonly type: 'waited'; readonly at: number }
  /** The call ended: left (no error) or failed. */
  | { readonly type: 'ended'; readonly error: CallError | null };

/** What the engine does next. */
export type ReconnectStep =
  | { readonly kind: 'none' }
  | { readonly kind: 'claim' }
  | { readonly kind: 'rejoin' }
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'end'; readonly error: CallError };

export interface ReconnectTransition {
  readonly state: ReconnectState;
  readonly step: ReconnectStep;
}

export const initialReconnectState: ReconnectState = { phase: 'idle', lostAt: null, reconnects: 0, error: null, failover: false };

const NOTHING: ReconnectStep = { kind: 'none' };
const RETRY: ReconnectStep = { kind: 'wait', ms: RECONNECT_INTERVAL_MS };

function enter(state: ReconnectState, phase: ReconnectPhase, change: Partial<ReconnectState> = {}): ReconnectState {
  return { ...state, lostAt: null, ...change, phase };
}

function whileReclaiming(state: ReconnectState, event: ReconnectEvent): ReconnectTransition {
  switch (event.type) {
    case 'claimed':
      return { state: enter(state, 'in-call'), step: NOTHING };
    case 'claim-failed':
      // With other nodes, a node that does not answer is not waited for: the rejoin finds the room's node again.
      return event.janusAnswered || state.failover ? { state: enter(state, 'rejoining'), step: { kind: 'rejoin' } } : { state, step: RETRY };
    case 'waited':
      return event.at - (state.lostAt ?? event.at) >= RECLAIM_WINDOW_MS
        ? { state: enter(state, 'rejoining'), step: { kind: 'rejoin' } }
        : { state, step: { kind: 'claim' } };
    default:
      return { state, step: NOTHING };
  }
}

function whileRejoining(state: ReconnectState, event: ReconnectEvent): ReconnectTransition {
  switch (event.type) {
    case 'connected':
      return { state: enter(state, 'in-call'), step: NOTHING };
    case 'rejoin-failed':
      return { state, step: event.refusal === null ? RETRY : { kind: 'end', error: event.refusal } };
    case 'waited':
      return { state, step: { kind: 'rejoin' } };
    default:
      return { state, step: NOTHING };
  }
}

/**
 * The call's lifecycle as a pure state machine. A lost WebSocket is first
 * answered with `claim` (a network blip: media may never have stopped),
 * retried every RECONNECT_INTERVAL_MS until RECLAIM_WINDOW_MS passes or
 * Janus says it forgot the session (or, with other nodes to go to, until
 * the node fails to answer once); then the call is joined again from
 * scratch, every RECONNECT_INTERVAL_MS until it works, unless the room
 * refuses us (a wrong PIN). Times come in with the events: no clock here.
 * An event that does not apply to the current phase changes nothing.
 */
export function nextReconnectState(state: ReconnectState, event: ReconnectEvent): ReconnectTransition {
  if (event.type === 'join') return { state: { ...initialReconnectState, phase: 'joining', failover: event.failover === true }, step: NOTHING };
  if (event.type === 'ended') return { state: enter(state, event.error === null ? 'idle' : 'failed', { error: event.error }), step: NOTHING };
  switch (state.phase) {
    case 'joining':
    case 'in-call':
      if (event.type === 'socket-lost') return { state: enter(state, 'reclaiming', { lostAt: event.at, reconnects: state.reconnects + 1 }), step: { kind: 'claim' } };
      if (event.type === 'node-failed' && state.failover) return { state: enter(state, 'rejoining', { reconnects: state.reconnects + 1 }), step: { kind: 'rejoin' } };
      if (state.phase === 'joining' && (event.type === 'admitted' || event.type === 'connected')) return { state: enter(state, 'in-call'), step: NOTHING };
      return { state, step: NOTHING };
    case 'reclaiming':
      return whileReclaiming(state, event);
    case 'rejoining':
      return whileRejoining(state, event);
    default:
      return { state, step: NOTHING };
  }
}

/** The phase the user sees: both ways of getting back read as "reconnecting". */
export function callPhaseOf(state: ReconnectState): CallPhase {
  return state.phase === 'reclaiming' || state.phase === 'rejoining' ? 'reconnecting' : state.phase;
}
