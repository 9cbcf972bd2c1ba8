import { describe, expect, test } from 'vitest';
import { HIGHLIGHTER_OPACITY } from '../../ink/stroke-outline.js';
import { createTestBoard, pointer } from '../test-board.js';
import { DrawTool } from './draw-tool.js';

describe('draw tool', () => {
  test('a drag with the pen writes one stroke through its samples, dropping those too close to add shape', () => {
    const board = createTestBoard(2);
    const pen = new DrawTool(board, 'pen');
    expect(pen.down(pointer(0, 0))).toBe(true);
    // At 2x, samples closer than 0.375 board units in both axes are dropped.
    pen.move(pointer(10, 0), [pointer(0.2, 0.1), pointer(5, 0), pointer(10, 0)]);
    pen.up();
    const [stroke] = [...board.scene.items.values()];
    expect(stroke?.item).toMatchObject({ type: 'stroke', tool: 'pen', style: { width: 4, opacity: 1 } });
    expect(stroke?.points).toEqual([[0, 0, 0.5], [5, 0, 0.5], [10, 0, 0.5]]);
    expect(stroke?.hasPressure).toBe(false);
  });

  test('a pen device records its pressure; a mouse does not', () => {
    const board = createTestBoard();
    const pen = new DrawTool(board, 'pen');
    pen.down(pointer(0, 0, { pointerType: 'pen', pressure: 0.8 }));
    pen.move(pointer(20, 0), [pointer(20, 0, { pointerType: 'pen', pressure: 0.2 })]);
    pen.up();
    const [stroke] = [...board.scene.items.values()];
    expect(stroke?.hasPressure).toBe(true);
    expect(stroke?.points?.map(([, , pressure]) => Math.round(pressure * 10) / 10)).toEqual([0.8, 0.2]);
  });

  test('the highlighter writes a wide translucent highlighter stroke', () => {
    const board = createTestBoard();
    board.view.setState({ tool: 'highlighter', width: 4 });
    const highlighter = new DrawTool(board, 'highlighter');
    highlighter.down(pointer(0, 0));
    highlighter.move(pointer(30, 30), [pointer(30, 30)]);
    highlighter.up();
    expect(board.items()).toMatchObject([{ type: 'stroke', tool: 'highlighter', style: { width: 16, opacity: HIGHLIGHTER_OPACITY } }]);
  });

  test('a cancelled stroke writes nothing, and a release without a press writes nothing', () => {
    const board = createTestBoard();
    const pen = new DrawTool(board, 'pen');
    pen.down(pointer(0, 0));
    pen.move(pointer(50, 50), [pointer(50, 50)]);
    pen.cancel();
    pen.up();
    expect(board.items()).toEqual([]);
  });

  test('peers are shown the stroke while it is drawn, under the id it is stored with, and told when it is done', () => {
    const board = createTestBoard();
    const pen = new DrawTool(board, 'pen');
    pen.down(pointer(0, 0));
    pen.move(pointer(10, 0), [pointer(10, 0)]);
    pen.move(pointer(20, 5), [pointer(20, 5)]);
    expect(board.items()).toHaveLength(0);
    expect(board.lives.map((live) => live?.points.length)).toEqual([1, 2, 3]);
    const id = board.lives[0]?.id;
    expect(board.lives.every((live) => live?.id === id && live?.tool === 'pen')).toBe(true);
    pen.up();
    expect(board.lives.at(-1)).toBeNull();
    expect(board.items().map((item) => item.id)).toEqual([id]);
    // One gesture, one undo step: the live stroke left nothing in the history.
    board.editor.undo();
    expect(board.items()).toHaveLength(0);
  });

  test('a cancelled stroke tells peers to drop it and writes nothing', () => {
    const board = createTestBoard();
    const pen = new DrawTool(board, 'pen');
    pen.down(pointer(0, 0));
    pen.move(pointer(10, 0), [pointer(10, 0)]);
    pen.cancel();
    expect(board.lives.at(-1)).toBeNull();
    expect(board.items()).toHaveLength(0);
  });
});
