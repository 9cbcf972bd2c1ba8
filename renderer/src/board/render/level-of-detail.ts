import type { StrokePoint } from '../../../../shared/board/points.js';
import type { ReadItem } from '../../../../shared/board/schema.js';
import { drawItem } from '../../ink/canvas-paint.js';
import { strokeOpacity } from '../../ink/stroke-outline.js';
import type { HiddenItems } from '../hidden-items.js';
import type { Scene } from '../scene.js';

/** Items smaller than this on screen are painted as a dot: at 50,000 strokes zoomed out, outlines cost without showing. */
const DETAIL_PIXELS = 2;
/**
 * Strokes smaller than this on screen are painted as a thin polyline through a
 * few of their points, batched by style: building 50,000 perfect-freehand
 * outlines to paint them a few pixels wide took seconds.
 */
const SIMPLE_PIXELS = 24;
const SIMPLE_SEGMENTS = 8;
/** A pen's polyline is thinner than its outline's widest point, as the outline thins between them. */
const SIMPLE_PEN_WIDTH = 0.6;

interface Batch {
  readonly path: Path2D;
  readonly color: string;
  readonly width: number;
  readonly alpha: number;
}

/** Strokes of one style, drawn in one call. */
class PolylineBatch {
  private batch: Batch | null = null;

  constructor(private readonly context: CanvasRenderingContext2D) {}

  add(points: readonly StrokePoint[], color: string, width: number, alpha: number): void {
    let batch = this.batch;
    if (!batch || batch.color !== color || batch.width !== width || batch.alpha !== alpha) {
      this.flush();
      batch = { path: new Path2D(), color, width, alpha };
      this.batch = batch;
    }
    const step = Math.max(1, Math.ceil(points.length / SIMPLE_SEGMENTS));
    const [firstX, firstY] = points[0] as StrokePoint;
    batch.path.moveTo(firstX, firstY);
    for (let index = step; index < points.length; index += step) batch.path.lineTo((points[index] as StrokePoint)[0], (points[index] as StrokePoint)[1]);
    const [lastX, lastY] = points[points.length - 1] as StrokePoint;
    batch.path.lineTo(lastX, lastY);
  }

  flush(): void {
    const { batch, context } = this;
    if (!batch) return;
    context.globalAlpha = batch.alpha;
    context.strokeStyle = batch.color;
    context.lineWidth = batch.width;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.stroke(batch.path);
    context.globalAlpha = 1;
    this.batch = null;
  }
}

/** Items painted between two looks at the clock. */
const CLOCK_EVERY = 8;

/**
 * Paints `reads` from index `from` at `zoom`, each with as much detail as
 * its size on screen shows, until `deadline` (a `performance.now()` time)
 * passes. Returns the index to go on from: `reads.length` when all are
 * painted. A canvas too full for one frame is painted over several.
 */
export function paintItems(context: CanvasRenderingContext2D, reads: readonly ReadItem[], from: number, scene: Scene, hidden: HiddenItems, zoom: number, deadline: number): number {
  const batch = new PolylineBatch(context);
  let index = from;
  for (; index < reads.length; index += 1) {
    if ((index - from) % CLOCK_EVERY === CLOCK_EVERY - 1 && performance.now() >= deadline) break;
    const read = reads[index] as ReadItem;
    if (hidden.has(read.item.id)) continue;
    const bounds = scene.boundsOf(read.item.id);
    const extent = bounds ? Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) * zoom : Infinity;
    if (bounds && extent < DETAIL_PIXELS) {
      batch.flush();
      context.fillStyle = read.item.style.color;
      context.fillRect(bounds.minX, bounds.minY, DETAIL_PIXELS / zoom, DETAIL_PIXELS / zoom);
    } else if (isStroke(read) && extent < SIMPLE_PIXELS) {
      const { item } = read;
      const width = item.tool === 'pen' ? item.style.width * SIMPLE_PEN_WIDTH : item.style.width;
      batch.add(read.points, item.style.color, width, strokeOpacity(item.tool, item.style));
    } else {
      batch.flush();
      drawItem(context, read, scene.paths);
    }
  }
  batch.flush();
  return index;
}

function isStroke(read: ReadItem): read is Extract<ReadItem, { readonly points: readonly StrokePoint[] }> {
  return read.points !== null && read.item.type === 'stroke';
}
