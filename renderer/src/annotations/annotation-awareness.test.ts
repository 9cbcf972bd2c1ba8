import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LASER_FADE_MS, publishAnnotator, readAnnotators } from './annotation-awareness.js';

/** Copies `from`'s own state into `to`, as a peer's awareness update would. */
function deliver(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'peer');
}

describe("an annotator's awareness", () => {
  const docs: Y.Doc[] = [];
  const awarenessOf = (user: unknown): Awareness => {
    const doc = new Y.Doc();
    docs.push(doc);
    const awareness = new Awareness(doc);
    awareness.setLocalStateField('user', user);
    return awareness;
  };
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const doc of docs.splice(0)) doc.destroy();
    vi.useRealTimers();
  });

  test('lists everyone who passes the schema, ourselves flagged, by name', () => {
    const self = awarenessOf({ name: 'Zoe', color: '#112233' });
    const peer = awarenessOf({ name: 'Ada', color: '#445566' });
    peer.setLocalStateField('cursor', { x: 0.5, y: 0.25 });
    const forged = awarenessOf({ name: '', color: 'red' });
    deliver(peer, self);
    deliver(forged, self);
    expect(readAnnotators(self).map(({ name, cursor, self: isSelf }) => ({ name, cursor, isSelf }))).toEqual([
      { name: 'Ada', cursor: { x: 0.5, y: 0.25 }, isSelf: false },
      { name: 'Zoe', cursor: null, isSelf: true },
    ]);
  });

  test('publishes the cursor rounded to content fractions of 1/10,000', () => {
    const awareness = awarenessOf({ name: 'Ada', color: '#445566' });
    publishAnnotator(awareness).cursor({ x: 0.123456, y: 0.5 });
    expect(awareness.getLocalState()?.cursor).toEqual({ x: 0.1235, y: 0.5 });
  });

  test('a laser trail grows while drawn, shrinks away after the pointer stops, then is cleared once', () => {
    const awareness = awarenessOf({ name: 'Ada', color: '#445566' });
    const lasers: unknown[] = [];
    awareness.on('update', () => lasers.push(awareness.getLocalState()?.laser));
    const publisher = publishAnnotator(awareness);
    publisher.laser({ x: 0.1, y: 0.1 });
    expect(awareness.getLocalState()?.laser).toEqual([[0.1, 0.1]]);
    vi.advanceTimersByTime(500);
    publisher.laser({ x: 0.2, y: 0.2 });
    vi.advanceTimersByTime(40);
    expect(awareness.getLocalState()?.laser).toEqual([
      [0.1, 0.1],
      [0.2, 0.2],
    ]);
    // The first point leaves the trail two seconds after it was drawn, the second one half a second later.
    vi.advanceTimersByTime(LASER_FADE_MS - 500);
    expect(awareness.getLocalState()?.laser).toEqual([[0.2, 0.2]]);
    vi.advanceTimersByTime(600);
    expect(awareness.getLocalState()?.laser).toBeNull();
    const cleared = lasers.filter((laser) => laser === null).length;
    vi.advanceTimersByTime(5_000);
    expect(lasers.filter((laser) => laser === null).length).toBe(cleared);
    expect(cleared).toBe(1);
  });

  test('stops publishing once destroyed', () => {
    const awareness = awarenessOf({ name: 'Ada', color: '#445566' });
    const publisher = publishAnnotator(awareness);
    publisher.laser({ x: 0.1, y: 0.1 });
    publisher.destroy();
    vi.advanceTimersByTime(LASER_FADE_MS * 2);
    expect(awareness.getLocalState()?.laser).toEqual([[0.1, 0.1]]);
  });
});
