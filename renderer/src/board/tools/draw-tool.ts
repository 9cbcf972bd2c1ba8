import { newItemId } from '../../../../shared/board/board-doc.js';
import { DEFAULT_PRESSURE, type StrokePoint } from '../../../../shared/board/points.js';
import { strokePathData, type InkTool } from '../../ink/stroke-outline.js';
import type { BoardPointer, BoardTool, ToolContext } from './board-tool.js';

/** Pen samples closer than this (screen pixels) add size without shape. */
const MIN_SAMPLE_PIXELS = 0.75;

/** Freehand ink: the pen, and the highlighter (wider, translucent, no thinning). Peers see it while it is drawn. */
export class DrawTool implements BoardTool {
  private stroke: { readonly id: string; readonly points: StrokePoint[]; readonly hasPressure: boolean } | null = null;

  constructor(
    private readonly context: ToolContext,
    private readonly tool: InkTool,
  ) {}

  down(pointer: BoardPointer): boolean {
    // Only a pen reports pressure; for a mouse or a finger perfect-freehand simulates it from speed.
    const hasPressure = pointer.pointerType === 'pen';
    this.stroke = { id: newItemId(), points: [[pointer.x, pointer.y, hasPressure ? pointer.pressure : DEFAULT_PRESSURE]], hasPressure };
    this.context.live({ ...this.stroke, tool: this.tool });
    return true;
  }

  move(_pointer: BoardPointer, samples: readonly BoardPointer[]): void {
    const stroke = this.stroke;
    if (!stroke) return;
    const minimum = MIN_SAMPLE_PIXELS / this.context.zoom();
    for (const sample of samples) {
      const last = stroke.points[stroke.points.length - 1] as StrokePoint;
      if (Math.abs(sample.x - last[0]) < minimum && Math.abs(sample.y - last[1]) < minimum) continue;
      stroke.points.push([sample.x, sample.y, stroke.hasPressure ? sample.pressure : DEFAULT_PRESSURE]);
    }
    this.context.live({ ...stroke, tool: this.tool });
  }

  up(): void {
    const stroke = this.stroke;
    this.stroke = null;
    // The stroke first, then the live one's end: a peer never sees the stroke vanish in between.
    if (stroke) this.context.editor.addStroke(this.tool, stroke.points, stroke.hasPressure, stroke.id);
    this.context.live(null);
  }

  cancel(): void {
    this.stroke = null;
    this.context.live(null);
  }

  preview(context: CanvasRenderingContext2D): void {
    if (!this.stroke) return;
    const style = this.context.editor.style();
    context.globalAlpha = style.opacity;
    context.fillStyle = style.color;
    context.fill(new Path2D(strokePathData(this.stroke.points, this.tool, style.width, this.stroke.hasPressure, false)));
    context.globalAlpha = 1;
  }

  coversSelection(): boolean {
    return false;
  }
}
