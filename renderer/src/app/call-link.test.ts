import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createCallStore } from '../call/call-store.js';
import { testParticipant } from '../call/test-participants.js';
import { BRIDGE_SETTLE_MS, callBridgeElection } from './call-link.js';

describe('the bridge election', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('the only one in the call bridges once settled, and says so', () => {
    const store = createCallStore();
    const election = callBridgeElection(store, () => true);
    const changes = vi.fn();
    election.watch(changes);
    store.setState({ phase: 'in-call', selfId: 'b' });
    expect(election.isBridge()).toBe(false);
    vi.advanceTimersByTime(BRIDGE_SETTLE_MS);
    expect(election.isBridge()).toBe(true);
    expect(changes).toHaveBeenCalledTimes(1);
  });

  test('of two who join together, the one with the larger id never bridges, not even for a moment', () => {
    const store = createCallStore();
    const election = callBridgeElection(store, () => true);
    const changes = vi.fn();
    election.watch(changes);
    store.setState({ phase: 'in-call', selfId: 'b' });
    vi.advanceTimersByTime(BRIDGE_SETTLE_MS / 2);
    store.setState({ roster: { a: testParticipant('a', 'Ada') } });
    vi.advanceTimersByTime(BRIDGE_SETTLE_MS * 2);
    expect(election.isBridge()).toBe(false);
    expect(changes).not.toHaveBeenCalled();
  });

  test('a room that keeps its board inside the call has no bridge', () => {
    const store = createCallStore();
    const election = callBridgeElection(store, () => false);
    store.setState({ phase: 'in-call', selfId: 'a' });
    vi.advanceTimersByTime(BRIDGE_SETTLE_MS * 2);
    expect(election.isBridge()).toBe(false);
  });
});
