import { describe, expect, test } from 'vitest';
import { activeEncodings, ANNOUNCEMENT_FRESH_MS, LayerDemand, layerWants, parseLayerWants, sameWants, TURN_OFF_AFTER_MS, type LayerWants } from './dynacast.js';

const wants = (from: string, entries: LayerWants['wants']): LayerWants => ({ type: 'layers', from, wants: entries });

describe('which encodings a top layer keeps on', () => {
  test('every layer up to the top, high to low as the camera sends them; none for null', () => {
    expect(activeEncodings(2)).toEqual([true, true, true]);
    expect(activeEncodings(1)).toEqual([false, true, true]);
    expect(activeEncodings(0)).toEqual([false, false, true]);
    expect(activeEncodings(null)).toEqual([false, false, false]);
  });
});

describe('layer announcements on the wire', () => {
  test('a valid announcement is read; anything else is not one', () => {
    expect(parseLayerWants(JSON.stringify(wants('bob', { ann: 1, cid: null })))).toEqual(wants('bob', { ann: 1, cid: null }));
    expect(parseLayerWants(JSON.stringify({ type: 'chat', from: 'bob', name: 'Bob', id: '1', text: 'layers' }))).toBeNull();
    expect(parseLayerWants('{"type":"layers"')).toBeNull();
    expect(parseLayerWants(JSON.stringify({ type: 'layers', from: 'bob', wants: { ann: 3 } }))).toBeNull();
    expect(parseLayerWants(JSON.stringify({ type: 'layers', from: 'bob', wants: { ann: 1 }, extra: true }))).toBeNull();
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, index) => [`feed-${index}`, 0]));
    expect(parseLayerWants(JSON.stringify({ type: 'layers', from: 'bob', wants: many }))).toBeNull();
  });

  test('our announcement names every camera, null for those not shown; equal ones are the same', () => {
    const message = layerWants('ann', ['bob', 'cid'], new Map([['bob', 1 as const]]));
    expect(message).toEqual(wants('ann', { bob: 1, cid: null }));
    expect(sameWants(message, wants('ann', { bob: 1, cid: null }))).toBe(true);
    expect(sameWants(message, wants('ann', { bob: 2, cid: null }))).toBe(false);
    expect(sameWants(message, wants('ann', { bob: 1 }))).toBe(false);
    expect(sameWants(null, message)).toBe(false);
  });
});

describe('what our camera encodes', () => {
  test('someone who has not announced counts as wanting every layer', () => {
    const demand = new LayerDemand();
    expect(demand.decide('ann', ['bob'], 0)).toEqual({ top: 2, recheckInMs: null });
  });

  test('the top layer goes off only after nobody has wanted it for a while', () => {
    const demand = new LayerDemand();
    demand.record(wants('bob', { ann: 1 }), 0);
    demand.record(wants('cid', { ann: 0 }), 0);
    expect(demand.decide('ann', ['bob', 'cid'], 0)).toEqual({ top: 2, recheckInMs: TURN_OFF_AFTER_MS });
    expect(demand.decide('ann', ['bob', 'cid'], 500)).toEqual({ top: 2, recheckInMs: TURN_OFF_AFTER_MS - 500 });
    expect(demand.decide('ann', ['bob', 'cid'], TURN_OFF_AFTER_MS)).toEqual({ top: 1, recheckInMs: null });
  });

  test('a layer someone asks for comes back at once', () => {
    const demand = new LayerDemand();
    demand.record(wants('bob', { ann: 0 }), 0);
    demand.decide('ann', ['bob'], 0);
    expect(demand.decide('ann', ['bob'], TURN_OFF_AFTER_MS).top).toBe(0);
    demand.record(wants('bob', { ann: 2 }), 3000);
    expect(demand.decide('ann', ['bob'], 3000)).toEqual({ top: 2, recheckInMs: null });
  });

  test('a wish that comes back before the wait is over cancels the turn-off', () => {
    const demand = new LayerDemand();
    demand.record(wants('bob', { ann: 1 }), 0);
    demand.decide('ann', ['bob'], 0);
    demand.record(wants('bob', { ann: 2 }), 1000);
    expect(demand.decide('ann', ['bob'], 1000)).toEqual({ top: 2, recheckInMs: null });
    demand.record(wants('bob', { ann: 1 }), 1500);
    // The wait starts again from the new wish.
    expect(demand.decide('ann', ['bob'], 1500).recheckInMs).toBe(TURN_OFF_AFTER_MS);
  });

  test('nobody showing us, or nobody else in the room, sends no video', () => {
    const demand = new LayerDemand();
    demand.record(wants('bob', { ann: null, cid: 1 }), 0);
    demand.decide('ann', ['bob'], 0);
    expect(demand.decide('ann', ['bob'], TURN_OFF_AFTER_MS).top).toBeNull();
    const alone = new LayerDemand();
    alone.decide('ann', [], 0);
    expect(alone.decide('ann', [], TURN_OFF_AFTER_MS).top).toBeNull();
  });

  test('an announcement that has gone stale counts as wanting every layer again', () => {
    const demand = new LayerDemand();
    demand.record(wants('bob', { ann: null }), 0);
    demand.decide('ann', ['bob'], 0);
    expect(demand.decide('ann', ['bob'], TURN_OFF_AFTER_MS).top).toBeNull();
    expect(demand.decide('ann', ['bob'], ANNOUNCEMENT_FRESH_MS + 1).top).toBe(2);
  });

  test('a recording keeps every layer on, whatever is shown', () => {
    const demand = new LayerDemand();
    demand.record(wants('bob', { ann: null }), 0);
    expect(demand.decide('ann', ['bob'], TURN_OFF_AFTER_MS * 2, true)).toEqual({ top: 2, recheckInMs: null });
  });

  test('someone who left no longer counts, and who comes back unannounced wants everything', () => {
    const demand = new LayerDemand();
    demand.record(wants('bob', { ann: 2 }), 0);
    demand.record(wants('cid', { ann: 0 }), 0);
    demand.keep(new Set(['cid']));
    demand.decide('ann', ['cid'], 0);
    expect(demand.decide('ann', ['cid'], TURN_OFF_AFTER_MS).top).toBe(0);
    expect(demand.decide('ann', ['cid', 'bob'], TURN_OFF_AFTER_MS + 1).top).toBe(2);
  });
});
