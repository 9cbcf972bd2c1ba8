import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { attachBoardAwareness, CURSOR_INTERVAL_MS } from './board-awareness.js';
import { createBoardViewStore } from './board-view-store.js';

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
});
