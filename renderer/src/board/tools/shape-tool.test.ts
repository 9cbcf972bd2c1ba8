import { describe, expect, test } from 'vitest';
import { createTestBoard, pointer } from '../test-board.js';
import { ShapeTool } from './shape-tool.js';

describe('shape tool', () => {
  test('a drag writes the shape from where it began to where it was released, in the chosen style', () => {
    const board = createTestBoard();
    board.view.setState({ tool: 'arrow', color: '#d20f39', width: 2 });
    const arrow = new ShapeTool(board, 'arrow');
    arrow.down(pointer(10, 20));
    arrow.move(pointer(40, 50));
    arrow.move(pointer(110, 70));
    arrow.up();
    expect(board.items()).toMatchObject([{ type: 'shape', kind: 'arrow', x1: 10, y1: 20, x2: 110, y2: 70, style: { color: '#d20f39', width: 2, opacity: 1 } }]);
  });

  test('a drag under three screen pixels is a slip and writes nothing; the limit follows the zoom', () => {
    const board = createTestBoard(1);
    const rectangle = new ShapeTool(board, 'rectangle');
    rectangle.down(pointer(0, 0));
    rectangle.move(pointer(2, 2));
    rectangle.up();
    expect(board.items()).toEqual([]);

    board.view.setState({ camera: { x: 0, y: 0, zoom: 4 } });
    rectangle.down(pointer(0, 0));
    rectangle.move(pointer(1, 0));
    rectangle.up();
    expect(board.items()).toMatchObject([{ kind: 'rectangle', x2: 1, y2: 0 }]);
  });

  test('a cancelled shape writes nothing', () => {
    const board = createTestBoard();
    const ellipse = new ShapeTool(board, 'ellipse');
    ellipse.down(pointer(0, 0));
    ellipse.move(pointer(100, 100));
    ellipse.cancel();
    ellipse.up();
    expect(board.items()).toEqual([]);
  });
});
