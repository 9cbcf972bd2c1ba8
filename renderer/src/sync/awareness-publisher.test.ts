import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createAwarenessPublisher } from './awareness-publisher.js';

/** Every value this peer published under `field`, in order. */
function published(awareness: Awareness, field: string): unknown[] {
  const values: unknown[] = [];
  awareness.on('update', () => values.push(awareness.getLocalState()?.[field]));
  return values;
}

describe('the awareness publisher', () => {
  let doc: Y.Doc;
  let awareness: Awareness;
  beforeEach(() => {
    vi.useFakeTimers();
    doc = new Y.Doc();
    awareness = new Awareness(doc);
  });
  afterEach(() => {
    doc.destroy();
    vi.useRealTimers();
  });

  test('sends the first value at once, then at most one per interval, always the latest', () => {
    const sent = published(awareness, 'cursor');
    const cursor = createAwarenessPublisher(awareness).field<number>('cursor', 33);
    cursor(1);
    cursor(2);
    cursor(3);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(32);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1, 3]);
  });

  test('never drops the last value of a burst', () => {
    const sent = published(awareness, 'viewport');
    const viewport = createAwarenessPublisher(awareness).field<string>('viewport', 100);
    for (const value of ['a', 'b', 'c', 'd']) {
      viewport(value);
      vi.advanceTimersByTime(30);
    }
    vi.advanceTimersByTime(100);
    expect(sent).toEqual(['a', 'd']);
    expect(awareness.getLocalState()?.viewport).toBe('d');
  });

  test('sends at once again when the interval has passed since the last send', () => {
    const sent = published(awareness, 'cursor');
    const cursor = createAwarenessPublisher(awareness).field<number>('cursor', 33);
    cursor(1);
    vi.advanceTimersByTime(50);
    cursor(2);
    expect(sent).toEqual([1, 2]);
  });

  test('throttles each field on its own, and sends every value of a field with no interval', () => {
    const publisher = createAwarenessPublisher(awareness);
    const cursor = publisher.field<number>('cursor', 33);
    const selection = publisher.field<string[]>('selection', 0);
    cursor(1);
    cursor(2);
    selection(['a']);
    selection(['a', 'b']);
    expect(awareness.getLocalState()).toMatchObject({ cursor: 1, selection: ['a', 'b'] });
  });

  test('after destroy, sends neither what was waiting nor anything new', () => {
    const sent = published(awareness, 'cursor');
    const publisher = createAwarenessPublisher(awareness);
    const cursor = publisher.field<number>('cursor', 33);
    cursor(1);
    cursor(2);
    publisher.destroy();
    cursor(3);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([1]);
  });
});
