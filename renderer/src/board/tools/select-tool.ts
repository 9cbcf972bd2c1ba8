import { IDENTITY_PLACEMENT, type Bounds, type Placement } from '../../../../shared/board/geometry.js';
import { drawItem } from '../../ink/canvas-paint.js';
import { HANDLE_PIXELS, HIT_PIXELS } from './grab-distances.js';
import type { BoardPointer, BoardTool, ToolContext } from './board-tool.js';

/** The select tool's gesture, one phase per way a press can begin. */
type SelectGesture =
  | { readonly kind: 'move'; readonly startX: number; readonly startY: number; placement: Placement }
  | { readonly kind: 'resize'; readonly anchorX: number; readonly anchorY: number; readonly startX: number; readonly startY: number; placement: Placement }
  | { readonly kind: 'marquee'; readonly x1: number; readonly y1: number; x2: number; y2: number; readonly additive: boolean };

/** A resize never flattens an item: the scale stays at least this far from zero. */
const MIN_SCALE = 0.02;
export const SELECTION_COLOR = '#1e66f5';

/** Each corner of `bounds` with the opposite corner, which stays put while that one is dragged. */
function cornersOf(bounds: Bounds): ReadonlyArray<readonly [number, number, number, number]> {
  return [
    [bounds.minX, bounds.minY, bounds.maxX, bounds.maxY],
    [bounds.maxX, bounds.minY, bounds.minX, bounds.maxY],
    [bounds.minX, bounds.maxY, bounds.maxX, bounds.minY],
    [bounds.maxX, bounds.maxY, bounds.minX, bounds.minY],
  ];
}

function scaleAlong(now: number, start: number, anchor: number): number {
  const factor = start === anchor ? 1 : (now - anchor) / (start - anchor);
  return Math.abs(factor) < MIN_SCALE ? Math.sign(factor || 1) * MIN_SCALE : factor;
}

/**
 * Selects, moves and resizes: a press on a corner handle resizes the
 * selection, on an item selects and moves it, on nothing drags a marquee.
 * Shift adds to the selection.
 */
export class SelectTool implements BoardTool {
  private gesture: SelectGesture | null = null;

  constructor(private readonly context: ToolContext) {}

  down(pointer: BoardPointer): boolean {
    const { editor, hidden } = this.context;
    const zoom = this.context.zoom();
    const bounds = editor.selectionBounds();
    const handle = HANDLE_PIXELS / zoom;
    for (const [cornerX, cornerY, anchorX, anchorY] of bounds ? cornersOf(bounds) : []) {
      if (Math.abs(pointer.x - cornerX) <= handle && Math.abs(pointer.y - cornerY) <= handle) {
        this.gesture = { kind: 'resize', anchorX, anchorY, startX: cornerX, startY: cornerY, placement: IDENTITY_PLACEMENT };
        hidden.hide(editor.selection);
        return true;
      }
    }
    const hit = editor.scene.hit(pointer.x, pointer.y, HIT_PIXELS / zoom);
    if (!hit) {
      this.gesture = { kind: 'marquee', x1: pointer.x, y1: pointer.y, x2: pointer.x, y2: pointer.y, additive: pointer.shiftKey };
      if (!pointer.shiftKey) editor.select([]);
      return true;
    }
    if (!editor.selection.includes(hit.item.id)) editor.extendSelection([hit.item.id], pointer.shiftKey);
    this.gesture = { kind: 'move', startX: pointer.x, startY: pointer.y, placement: IDENTITY_PLACEMENT };
    hidden.hide(editor.selection);
    return true;
  }

  move(pointer: BoardPointer): void {
    const gesture = this.gesture;
    if (gesture?.kind === 'move') {
      gesture.placement = { ...IDENTITY_PLACEMENT, dx: pointer.x - gesture.startX, dy: pointer.y - gesture.startY };
    } else if (gesture?.kind === 'resize') {
      const scaleX = scaleAlong(pointer.x, gesture.startX, gesture.anchorX);
      const scaleY = scaleAlong(pointer.y, gesture.startY, gesture.anchorY);
      gesture.placement = { scaleX, scaleY, originX: gesture.anchorX, originY: gesture.anchorY, dx: 0, dy: 0 };
    } else if (gesture?.kind === 'marquee') {
      gesture.x2 = pointer.x;
      gesture.y2 = pointer.y;
    }
  }

  up(): void {
    const gesture = this.gesture;
    this.gesture = null;
    if (!gesture) return;
    const { editor, hidden } = this.context;
    if (gesture.kind === 'marquee') {
      editor.extendSelection(editor.itemsWithin(gesture), gesture.additive);
      return;
    }
    hidden.showAll();
    editor.placeSelection(gesture.placement);
  }

  cancel(): void {
    const gesture = this.gesture;
    this.gesture = null;
    if (gesture && gesture.kind !== 'marquee') this.context.hidden.showAll();
  }

  coversSelection(): boolean {
    return this.gesture !== null && this.gesture.kind !== 'marquee';
  }

  preview(context: CanvasRenderingContext2D, zoom: number): void {
    const gesture = this.gesture;
    if (gesture?.kind === 'marquee') {
      context.strokeStyle = SELECTION_COLOR;
      context.lineWidth = 1 / zoom;
      context.setLineDash([4 / zoom, 4 / zoom]);
      context.strokeRect(gesture.x1, gesture.y1, gesture.x2 - gesture.x1, gesture.y2 - gesture.y1);
      context.setLineDash([]);
    } else if (gesture) {
      // The selection drawn where it is being moved to, from the cached paths.
      const { placement } = gesture;
      const { scene, selection } = this.context.editor;
      context.save();
      context.translate(placement.originX + placement.dx, placement.originY + placement.dy);
      context.scale(placement.scaleX, placement.scaleY);
      context.translate(-placement.originX, -placement.originY);
      for (const id of selection) {
        const read = scene.items.get(id);
        if (read) drawItem(context, read, scene.paths);
      }
      context.restore();
    }
  }
}
