import { describe, expect, test } from 'vitest';
import { sampleShape } from '../../../../shared/board/test-items.js';
import { createTestBoard, pointer } from '../test-board.js';
import { EraserTool } from './eraser-tool.js';

function boardWithLines() {
  const board = createTestBoard();
  const top = { ...sampleShape('line', 1), x1: 0, y1: 0, x2: 100, y2: 0 };
  const bottom = { ...sampleShape('line', 2), x1: 0, y1: 100, x2: 100, y2: 100 };
  const far = { ...sampleShape('line', 3), x1: 0, y1: 500, x2: 100, y2: 500 };
  board.editor.put([top, bottom, far]);
  return { board, top, bottom, far };
}

describe('eraser tool', () => {
  test('what the drag touches is hidden at once and deleted on release, in one undo step', () => {
    const { board, top, bottom, far } = boardWithLines();
    const eraser = new EraserTool(board);
    eraser.down(pointer(50, 2));
    eraser.move(pointer(50, 50));
    eraser.move(pointer(50, 99));
    expect(board.hidden.has(top.id) && board.hidden.has(bottom.id)).toBe(true);
    expect(board.items()).toHaveLength(3);
    eraser.up();
    expect(board.items().map((item) => item.id)).toEqual([far.id]);
    expect(board.hidden.has(top.id)).toBe(false);
    board.editor.undo();
    expect(board.items()).toHaveLength(3);
  });

  test('the reach is six screen pixels: at 2x a point four board units away misses', () => {
    const { board } = boardWithLines();
    board.view.setState({ camera: { x: 0, y: 0, zoom: 2 } });
    const eraser = new EraserTool(board);
    // The line is 2 wide, so its edge is at 1; 3 board units of reach at 2x end at 4.
    eraser.down(pointer(50, 5));
    eraser.up();
    expect(board.items()).toHaveLength(3);
    eraser.down(pointer(50, 3.5));
    eraser.up();
    expect(board.items()).toHaveLength(2);
  });

  test('a cancelled erase deletes nothing and shows what it hid', () => {
    const { board, top } = boardWithLines();
    const eraser = new EraserTool(board);
    eraser.down(pointer(50, 0));
    eraser.cancel();
    eraser.up();
    expect(board.items()).toHaveLength(3);
    expect(board.hidden.has(top.id)).toBe(false);
  });
});
