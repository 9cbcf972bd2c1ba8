import { describe, expect, test } from 'vitest';
import { createTestBoard, pointer } from '../test-board.js';
import { TextTool } from './text-tool.js';

describe('text tool', () => {
  test('a press opens a draft where it landed, starts no gesture, and the draft commits as text there', () => {
    const board = createTestBoard();
    const text = new TextTool(board);
    expect(text.keepsFocus).toBe(true);
    expect(text.down(pointer(30, 40))).toBe(false);
    const draft = board.view.getState().textDraft;
    expect(draft).toEqual({ x: 30, y: 40 });
    expect(board.items()).toEqual([]);
    if (draft) board.editor.commitText('note', draft);
    expect(board.items()).toMatchObject([{ type: 'text', x: 30, y: 40, text: 'note' }]);
  });
});
