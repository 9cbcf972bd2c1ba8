import { hitsItem } from '../../../../shared/board/geometry.js';
import { HIT_PIXELS } from './grab-distances.js';
import type { BoardPointer, BoardTool, ToolContext } from './board-tool.js';

/** Erases whatever the pointer touches; the items vanish at once and are deleted, in one undo step, on release. */
export class EraserTool implements BoardTool {
  private erased: Set<string> | null = null;

  constructor(private readonly context: ToolContext) {}

  down(pointer: BoardPointer): boolean {
    this.erased = new Set();
    this.erase(pointer);
    return true;
  }

  move(pointer: BoardPointer): void {
    this.erase(pointer);
  }

  up(): void {
    const erased = this.erased;
    this.erased = null;
    this.context.hidden.showAll();
    if (erased && erased.size > 0) this.context.editor.remove(erased);
  }

  cancel(): void {
    this.erased = null;
    this.context.hidden.showAll();
  }

  preview(): void {
    // What is erased is already hidden from the cached layer: nothing to add.
  }

  coversSelection(): boolean {
    return false;
  }

  private erase(point: BoardPointer): void {
    if (!this.erased) return;
    const { editor, hidden } = this.context;
    const tolerance = HIT_PIXELS / this.context.zoom();
    const bounds = { minX: point.x - tolerance, minY: point.y - tolerance, maxX: point.x + tolerance, maxY: point.y + tolerance };
    for (const read of editor.scene.query(bounds)) {
      const id = read.item.id;
      if (hidden.has(id) || !hitsItem(read, point.x, point.y, tolerance)) continue;
      this.erased.add(id);
      hidden.hide([id]);
    }
  }
}
