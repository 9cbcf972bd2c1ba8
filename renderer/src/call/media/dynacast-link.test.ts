import { describe, expect, test } from 'vitest';
import { createCallStore, initialCallState } from '../call-store.js';
import { manualClock } from '../test-clock.js';
import { testParticipant } from '../test-participants.js';
import { ANNOUNCE_EVERY_MS, TURN_OFF_AFTER_MS, type EncodedTop, type LayerWants } from './dynacast.js';
import { DynacastLink } from './dynacast-link.js';

function setup(enabled = true) {
  const store = createCallStore();
  store.setState({
    ...initialCallState,
    phase: 'in-call',
    selfId: 'ann',
    roster: { bob: testParticipant('bob', 'Bob'), cid: testParticipant('cid', 'Cid'), 'cid-screen': testParticipant('cid-screen', 'Cid', { screenOf: 'cid' }) },
  });
  const sent: LayerWants[] = [];
  const applied: EncodedTop[] = [];
  const channel = { readyState: 'open' as RTCDataChannelState, send: (data: string) => void sent.push(JSON.parse(data) as LayerWants) };
  const session = { active: true, roomChannel: channel as unknown as RTCDataChannel, setCameraLayers: async (top: EncodedTop) => void applied.push(top) };
  const { clock, advance } = manualClock();
  const link = new DynacastLink(enabled, store, () => session, () => undefined, clock);
  const hear = (from: string, wants: LayerWants['wants']) => link.receive(JSON.stringify({ type: 'layers', from, wants }));
  return { store, link, sent, applied, advance, hear };
}

describe('dynacast in the call', () => {
  test('what we show is announced for every other camera, once per change, and again every few seconds', () => {
    const { link, sent, advance } = setup();
    link.start();
    link.setShown(new Map([['bob', 1]]));
    link.setShown(new Map([['bob', 1]]));
    expect(sent).toEqual([{ type: 'layers', from: 'ann', wants: { bob: 1, cid: null } }]);
    link.setShown(new Map([['bob', 1], ['cid', 0]]));
    expect(sent).toHaveLength(2);
    advance(ANNOUNCE_EVERY_MS);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toEqual(sent[1]);
    link.stop();
    advance(ANNOUNCE_EVERY_MS * 2);
    expect(sent).toHaveLength(3);
  });

  test('the others\u2019 announcements set our camera\u2019s layers; other room messages are left to their readers', () => {
    const { link, applied, advance, hear } = setup();
    expect(link.receive(JSON.stringify({ type: 'hand', from: 'bob', name: 'Bob', raised: true }))).toBe(false);
    expect(hear('bob', { ann: 1 })).toBe(true);
    // Cid has said nothing yet: she may want anything.
    expect(applied.at(-1)).toBe(2);
    hear('cid', { ann: 0 });
    advance(TURN_OFF_AFTER_MS);
    expect(applied.at(-1)).toBe(1);
    hear('bob', { ann: null });
    advance(TURN_OFF_AFTER_MS);
    expect(applied.at(-1)).toBe(0);
    hear('cid', { ann: null });
    advance(TURN_OFF_AFTER_MS);
    expect(applied.at(-1)).toBeNull();
    hear('bob', { ann: 2 });
    expect(applied.at(-1)).toBe(2);
  });

  test('someone leaving takes their wish along; a recording keeps every layer', () => {
    const { store, link, applied, advance, hear } = setup();
    hear('bob', { ann: 2 });
    hear('cid', { ann: null });
    store.setState({ roster: { cid: testParticipant('cid', 'Cid') } });
    link.roomChanged();
    advance(TURN_OFF_AFTER_MS);
    expect(applied.at(-1)).toBeNull();
    link.keepEveryLayer(true);
    expect(applied.at(-1)).toBe(2);
    link.keepEveryLayer(false);
    advance(TURN_OFF_AFTER_MS);
    expect(applied.at(-1)).toBeNull();
  });

  test('turned off by the deployment, every layer is encoded whatever the others show', () => {
    const { applied, advance, hear } = setup(false);
    hear('bob', { ann: null });
    hear('cid', { ann: null });
    advance(TURN_OFF_AFTER_MS * 2);
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((top) => top === 2)).toBe(true);
  });
});
