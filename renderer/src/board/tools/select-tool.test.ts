import { describe, expect, test } from 'vitest';
import { sampleShape } from '../../../../shared/board/test-items.js';
import { createTestBoard, pointer } from '../test-board.js';
import { SelectTool } from './select-tool.js';

function boardWithBoxes() {
  const board = createTestBoard();
  const left = { ...sampleShape('rectangle', 1), x1: 0, y1: 0, x2: 100, y2: 100 };
  const right = { ...sampleShape('rectangle', 2), x1: 300, y1: 0, x2: 400, y2: 100 };
  board.editor.put([left, right]);
  return { board, left, right, select: new SelectTool(board) };
}

describe('select tool', () => {
  test('pressing an item selects it and dragging moves it, in one undo step', () => {
    const { board, left, right, select } = boardWithBoxes();
    select.down(pointer(0, 50));
    expect(board.editor.selection).toEqual([left.id]);
    expect(select.coversSelection()).toBe(true);
    expect(board.hidden.has(left.id)).toBe(true);
    select.move(pointer(20, 60));
    select.move(pointer(40, 80));
    select.up();
    expect(board.read(left.id)?.item).toMatchObject({ x1: 40, y1: 30, x2: 140, y2: 130 });
    expect(board.read(right.id)?.item).toEqual(right);
    expect(board.hidden.has(left.id)).toBe(false);
    board.editor.undo();
    expect(board.read(left.id)?.item).toEqual(left);
  });

  test('a click on an item without moving writes nothing', () => {
    const { board, select } = boardWithBoxes();
    select.down(pointer(100, 50));
    select.up();
    expect(board.undo.undoStack).toHaveLength(1);
  });

  test('a marquee selects what it spans, clears the selection first, and with shift adds to it', () => {
    const { board, left, right, select } = boardWithBoxes();
    board.editor.select([right.id]);
    select.down(pointer(-20, -20));
    expect(board.editor.selection).toEqual([]);
    select.move(pointer(150, 150));
    expect(select.coversSelection()).toBe(false);
    select.up();
    expect(board.editor.selection).toEqual([left.id]);

    select.down(pointer(250, -20, { shiftKey: true }));
    select.move(pointer(450, 150));
    select.up();
    expect(board.editor.selection).toEqual([left.id, right.id]);
    expect(board.items()).toHaveLength(2);
  });

  test('shift-pressing another item adds it to the selection and moves both', () => {
    const { board, left, right, select } = boardWithBoxes();
    board.editor.select([left.id]);
    select.down(pointer(300, 50, { shiftKey: true }));
    select.move(pointer(300, 60));
    select.up();
    expect(board.editor.selection).toEqual([left.id, right.id]);
    expect(board.read(left.id)?.item).toMatchObject({ y1: 10 });
    expect(board.read(right.id)?.item).toMatchObject({ y1: 10 });
  });

  test('dragging a corner handle scales the selection about the opposite corner', () => {
    const { board, left, select } = boardWithBoxes();
    board.editor.select([left.id]);
    const bounds = board.editor.selectionBounds();
    if (!bounds) throw new Error('no selection');
    select.down(pointer(bounds.maxX, bounds.maxY));
    expect(select.coversSelection()).toBe(true);
    // Twice as far from the anchor corner as the handle started: everything doubles about it.
    select.move(pointer(2 * bounds.maxX - bounds.minX, 2 * bounds.maxY - bounds.minY));
    select.up();
    const item = board.read(left.id)?.item;
    expect(item).toMatchObject({ style: { width: 4 } });
    if (item?.type !== 'shape') throw new Error('not a shape');
    expect(item.x1).toBeCloseTo(bounds.minX + 2 * (0 - bounds.minX), 9);
    expect(item.x2).toBeCloseTo(bounds.minX + 2 * (100 - bounds.minX), 9);
  });

  test('a cancelled move writes nothing and shows the selection again', () => {
    const { board, left, select } = boardWithBoxes();
    select.down(pointer(0, 50));
    select.move(pointer(200, 200));
    select.cancel();
    select.up();
    expect(board.read(left.id)?.item).toEqual(left);
    expect(board.hidden.has(left.id)).toBe(false);
    expect(select.coversSelection()).toBe(false);
  });
});
