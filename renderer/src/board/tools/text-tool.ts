import type { BoardPointer, BoardTool, ToolContext } from './board-tool.js';

/** Opens a text draft where the board was pressed; the draft commits through the editor when typing ends. */
export class TextTool implements BoardTool {
  readonly keepsFocus = true;

  constructor(private readonly context: ToolContext) {}

  down(pointer: BoardPointer): boolean {
    this.context.view.setState({ textDraft: { x: pointer.x, y: pointer.y } });
    return false;
  }

  move(): void {}

  up(): void {}

  cancel(): void {}

  preview(): void {}

  coversSelection(): boolean {
    return false;
  }
}
