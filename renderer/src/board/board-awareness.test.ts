import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { attachBoardAwareness, CURSOR_INTERVAL_MS } from './board-awareness.js';
import { createBoardViewStore } from './board-view-store.js';
import { encodeLiveStroke } from './live-strokes.js';

describe("the board's awareness", () => {
  const docs: Y.Doc[] = [];
  const awarenessOf = (name: string): Awareness => {
    const doc = new Y.Doc();
    docs.push(doc);
    const awareness = new Awareness(doc);
    awareness.setLocalStateField('user', { name, color: '#1e66f5' });
    return awareness;
  };
  const deliver = (from: Awareness, to: Awareness): void => applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'peer');
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const doc of docs.splice(0)) doc.destroy();
    vi.useRealTimers();
  });

  test("shows other peers' valid states in the view, by name, and never our own", () => {
    const self = awarenessOf('Zoe');
    const view = createBoardViewStore();
    const publisher = attachBoardAwareness(self, view);
    const grace = awarenessOf('Grace');
    grace.setLocalStateField('cursor', { x: 10, y: 20 });
    grace.setLocalStateField('selection', ['item-1']);
    const ada = awarenessOf('Ada');
    const forged = awarenessOf('Mallory');
    forged.setLocalStateField('viewport', { x: 0, y: 0, width: -1, height: 10 });
    for (const peer of [grace, ada, forged]) deliver(peer, self);
    expect(view.getState().peers.map(({ name, cursor, selection }) => ({ name, cursor, selection }))).toEqual([
      { name: 'Ada', cursor: null, selection: [] },
      { name: 'Grace', cursor: { x: 10, y: 20 }, selection: ['item-1'] },
    ]);
    publisher.destroy();
  });

  test('stops following a peer who left', () => {
    const self = awarenessOf('Zoe');
    const view = createBoardViewStore();
    attachBoardAwareness(self, view);
    const grace = awarenessOf('Grace');
    deliver(grace, self);
    view.setState({ following: grace.clientID });
    removeAwarenessStates(self, [grace.clientID], 'peer left');
    expect(view.getState()).toMatchObject({ peers: [], following: null });
  });

  test('publishes the cursor at most once per interval, rounded to a tenth of a unit', () => {
    const self = awarenessOf('Zoe');
    const publisher = attachBoardAwareness(self, createBoardViewStore());
    publisher.cursor({ x: 1.234, y: 5.678 });
    publisher.cursor({ x: 2.25, y: 3 });
    expect(self.getLocalState()?.cursor).toEqual({ x: 1.2, y: 5.7 });
    vi.advanceTimersByTime(CURSOR_INTERVAL_MS);
    expect(self.getLocalState()?.cursor).toEqual({ x: 2.3, y: 3 });
  });

  test('publishes a selection at once, capped at a thousand ids', () => {
    const self = awarenessOf('Zoe');
    const publisher = attachBoardAwareness(self, createBoardViewStore());
    publisher.selection(Array.from({ length: 1_200 }, (_, index) => `item-${index}`));
    expect(self.getLocalState()?.selection).toHaveLength(1_000);
  });

  test("a peer's stroke in progress reaches the view decoded, and leaves it when done", () => {
    const self = awarenessOf('Zoe');
    const view = createBoardViewStore();
    attachBoardAwareness(self, view);
    const grace = awarenessOf('Grace');
    const gracePublisher = attachBoardAwareness(grace, createBoardViewStore());
    const style = { color: '#40a02b', width: 4, opacity: 1 };
    gracePublisher.drawing(encodeLiveStroke({ id: 'stroke-1', tool: 'pen', points: [[0, 0, 0.5], [12.25, 3.5, 0.5]], hasPressure: false }, style));
    deliver(grace, self);
    expect(view.getState().peers[0]?.drawing).toEqual({ id: 'stroke-1', tool: 'pen', style, points: [[0, 0, 0.5], [12.25, 3.5, 0.5]], hasPressure: false });
    vi.advanceTimersByTime(CURSOR_INTERVAL_MS);
    gracePublisher.drawing(null);
    vi.advanceTimersByTime(CURSOR_INTERVAL_MS);
    deliver(grace, self);
    expect(view.getState().peers[0]?.drawing).toBeNull();
  });

  test('live points that do not decode show no stroke, and the peer stays', () => {
    const self = awarenessOf('Zoe');
    const view = createBoardViewStore();
    attachBoardAwareness(self, view);
    const mallory = awarenessOf('Mallory');
    mallory.setLocalStateField('drawing', { id: 'x', tool: 'pen', style: { color: '#000000', width: 4, opacity: 1 }, points: btoa('\u0000\u00ff\u00ff\u00ff') });
    deliver(mallory, self);
    expect(view.getState().peers.map(({ name, drawing }) => ({ name, drawing }))).toEqual([{ name: 'Mallory', drawing: null }]);
  });
});
