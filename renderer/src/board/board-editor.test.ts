import { describe, expect, test } from 'vitest';
import { IDENTITY_PLACEMENT } from '../../../shared/board/geometry.js';
import { MAX_STROKE_POINTS, type StrokePoint } from '../../../shared/board/points.js';
import { sampleShape, sampleStroke } from '../../../shared/board/test-items.js';
import { HIGHLIGHTER_OPACITY } from '../ink/stroke-outline.js';
import { createTestBoard } from './test-board.js';

describe('board editing commands', () => {
  test('each command is one undo step that undo reverts and redo restores', () => {
    const board = createTestBoard();
    const first = sampleShape('rectangle', 1);
    const second = sampleShape('ellipse', 2);
    board.editor.put([first]);
    board.editor.put([second]);
    board.editor.undo();
    expect(board.items().map((item) => item.id)).toEqual([first.id]);
    board.editor.redo();
    expect(board.items()).toHaveLength(2);
  });

  test('deleting the selection removes exactly the selected items and empties the selection', () => {
    const board = createTestBoard();
    const kept = sampleStroke(0, 0, 1);
    const gone = sampleStroke(100, 0, 2);
    board.editor.put([kept, gone]);
    board.editor.select([gone.id]);
    board.editor.deleteSelection();
    expect(board.items().map((item) => item.id)).toEqual([kept.id]);
    expect(board.editor.selection).toEqual([]);
  });

  test('a stroke goes on top with the chosen style; a highlighter is four times wider and translucent', () => {
    const board = createTestBoard();
    board.editor.put([sampleShape('line', 7)]);
    board.view.setState({ tool: 'highlighter', color: '#40a02b', width: 8 });
    board.editor.addStroke('highlighter', [[0, 0, 0.5], [10, 10, 0.5]], false);
    const stroke = board.items().find((item) => item.type === 'stroke');
    expect(stroke?.z).toBe(8);
    expect(stroke?.style).toEqual({ color: '#40a02b', width: 32, opacity: HIGHLIGHTER_OPACITY });
  });

  test('a click leaves a dot, and a stroke over the point limit is split into items that join', () => {
    const board = createTestBoard();
    board.editor.addStroke('pen', [[5, 5, 0.5]], false);
    const dot = board.scene.query({ minX: 0, minY: 0, maxX: 10, maxY: 10 })[0];
    expect(dot?.points).toEqual([[5, 5, 0.5], [5, 5, 0.5]]);

    const long: StrokePoint[] = Array.from({ length: MAX_STROKE_POINTS + 10 }, (_, index) => [index, 100, 0.5]);
    board.editor.addStroke('pen', long, false);
    const parts = [...board.scene.items.values()].filter((read) => read.points && read.points[0]?.[1] === 100).sort((a, b) => a.item.z - b.item.z);
    expect(parts.map((read) => read.points?.length)).toEqual([MAX_STROKE_POINTS, 11]);
    // The second part starts where the first ended, so the line has no gap.
    expect(parts[1]?.points?.[0]).toEqual(parts[0]?.points?.[MAX_STROKE_POINTS - 1]);
  });

  test('text is trimmed, blank text writes nothing, and a newer draft stays open', () => {
    const board = createTestBoard();
    const draft = { x: 10, y: 20 };
    board.view.setState({ textDraft: draft, width: 4 });
    board.editor.commitText('hello  \n', draft);
    expect(board.items()).toMatchObject([{ type: 'text', x: 10, y: 20, text: 'hello', style: { width: 16 } }]);
    expect(board.view.getState().textDraft).toBeNull();

    const newer = { x: 50, y: 50 };
    board.view.setState({ textDraft: newer });
    board.editor.commitText('   ', draft);
    expect(board.items()).toHaveLength(1);
    expect(board.view.getState().textDraft).toBe(newer);
  });

  test('placing the selection moves only the selected items, and a placement that changes nothing writes nothing', () => {
    const board = createTestBoard();
    const moved = sampleShape('rectangle', 1);
    const still = sampleShape('ellipse', 2);
    board.editor.put([moved, still]);
    board.editor.select([moved.id]);
    board.editor.placeSelection(IDENTITY_PLACEMENT);
    board.editor.placeSelection({ ...IDENTITY_PLACEMENT, dx: 0 });
    expect(board.undo.undoStack).toHaveLength(1);
    board.editor.placeSelection({ ...IDENTITY_PLACEMENT, dx: 30, dy: -5 });
    expect(board.read(moved.id)?.item).toMatchObject({ x1: 30, y1: -5, x2: 130, y2: 45 });
    expect(board.read(still.id)?.item).toEqual(still);
  });

  test('selection bounds span every selected item; select all takes every item and the select tool', () => {
    const board = createTestBoard();
    const left = sampleShape('line', 1);
    const right = { ...sampleShape('line', 2), x1: 300, y1: 300, x2: 400, y2: 400 };
    board.editor.put([left, right]);
    expect(board.editor.selectionBounds()).toBeNull();
    board.editor.selectAll();
    expect(board.view.getState().tool).toBe('select');
    expect([...board.editor.selection].sort()).toEqual([left.id, right.id].sort());
    const bounds = board.editor.selectionBounds();
    expect(bounds?.minX).toBeLessThan(0);
    expect(bounds?.maxX).toBeGreaterThan(400);
  });

  test('tracking keeps the count, undo state and selection in step with the document, also for a peer deleting', () => {
    const board = createTestBoard();
    const stop = board.editor.track();
    const item = sampleStroke(0, 0, 1);
    board.editor.put([item, sampleStroke(0, 100, 2)]);
    board.editor.select([item.id]);
    expect(board.view.getState()).toMatchObject({ itemCount: 2, canUndo: true, canRedo: false });
    // Another user's delete: not this user's undo step, but the selection must drop the item.
    board.model.doc.transact(() => board.model.items.delete(item.id), 'peer');
    expect(board.view.getState()).toMatchObject({ itemCount: 1, selection: [] });
    stop();
    board.editor.undo();
    expect(board.view.getState().canRedo).toBe(false);
  });
});
