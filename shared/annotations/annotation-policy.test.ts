import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { BoardModel } from '../board/board-doc.js';
import { sampleShape, sampleStroke } from '../board/test-items.js';
import { annotationsAllowed, enforceAnnotationPolicy, setAnnotationsAllowed } from './annotation-policy.js';

/** Connects documents the way providers do: every update reaches every other document. */
function link(docs: Y.Doc[]): void {
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'link') return;
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, 'link');
    });
  }
}

function setup() {
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  link(docs);
  const [presenter, viewer, other] = docs.map((doc) => new BoardModel(doc)) as [BoardModel, BoardModel, BoardModel];
  enforceAnnotationPolicy(presenter);
  return { presenter, viewer, other };
}

describe('annotation policy', () => {
  test('while allowed, viewers draw and everyone sees it', () => {
    const { presenter, viewer, other } = setup();
    expect(annotationsAllowed(viewer)).toBe(true);
    viewer.put([sampleStroke(0, 0, 1)]);
    expect(presenter.readAll().size).toBe(1);
    expect(other.readAll().size).toBe(1);
  });

  test('while denied, the presenter reverts new, changed and deleted marks, and every copy follows', () => {
    const { presenter, viewer, other } = setup();
    const kept = sampleShape('rectangle', 1);
    viewer.put([kept]);
    setAnnotationsAllowed(presenter, false);
    expect(annotationsAllowed(viewer)).toBe(false);

    viewer.put([sampleStroke(0, 0, 2)]);
    viewer.put([{ ...kept, x2: 900 }]);
    other.remove([kept.id]);

    for (const model of [presenter, viewer, other]) {
      expect([...model.readAll().values()].map((read) => read.item)).toEqual([kept]);
    }
  });

  test('the presenter still draws while denied, and allowing again lets viewers draw', () => {
    const { presenter, viewer } = setup();
    setAnnotationsAllowed(presenter, false);
    presenter.put([sampleStroke(0, 0, 1)]);
    expect(viewer.readAll().size).toBe(1);
    setAnnotationsAllowed(presenter, true);
    viewer.put([sampleStroke(10, 10, 2)]);
    expect(presenter.readAll().size).toBe(2);
  });

  test('only the presenter changes the policy', () => {
    const { presenter, viewer } = setup();
    setAnnotationsAllowed(presenter, false);
    setAnnotationsAllowed(viewer, true);
    expect(annotationsAllowed(presenter)).toBe(false);
    expect(annotationsAllowed(viewer)).toBe(false);
    viewer.put([sampleStroke(0, 0, 1)]);
    expect(presenter.readAll().size).toBe(0);
  });
});
