import type { ShapeKind } from '../../../../shared/board/schema.js';
import { itemPath, paintItem } from '../../ink/canvas-paint.js';
import type { BoardPointer, BoardTool, ToolContext } from './board-tool.js';

/** A drag shorter than this on screen (pixels) is a slip, not a shape. */
const MIN_SHAPE_PIXELS = 3;

/** Lines, arrows, rectangles and ellipses, dragged from one corner (or end) to the other. */
export class ShapeTool implements BoardTool {
  private corners: { readonly x1: number; readonly y1: number; x2: number; y2: number } | null = null;

  constructor(
    private readonly context: ToolContext,
    private readonly kind: ShapeKind,
  ) {}

  down(pointer: BoardPointer): boolean {
    this.corners = { x1: pointer.x, y1: pointer.y, x2: pointer.x, y2: pointer.y };
    return true;
  }

  move(pointer: BoardPointer): void {
    if (!this.corners) return;
    this.corners.x2 = pointer.x;
    this.corners.y2 = pointer.y;
  }

  up(): void {
    const corners = this.corners;
    this.corners = null;
    if (corners && Math.hypot(corners.x2 - corners.x1, corners.y2 - corners.y1) * this.context.zoom() >= MIN_SHAPE_PIXELS) {
      this.context.editor.addShape(this.kind, corners);
    }
  }

  cancel(): void {
    this.corners = null;
  }

  preview(context: CanvasRenderingContext2D): void {
    if (!this.corners) return;
    const read = { item: { id: 'preview', type: 'shape', kind: this.kind, z: 0, style: this.context.editor.style(), ...this.corners }, points: null, hasPressure: false } as const;
    paintItem(context, read, itemPath(read));
  }

  coversSelection(): boolean {
    return false;
  }
}
