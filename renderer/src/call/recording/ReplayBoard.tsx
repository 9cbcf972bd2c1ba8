import { useEffect, useRef } from 'react';
import type { Bounds } from '../../../../shared/board/geometry.js';
import type { ReadItem } from '../../../../shared/board/schema.js';
import { drawItem, PathCache } from '../../ink/canvas-paint.js';
import { paintOrder } from '../../ink/paint-order.js';

const MARGIN = 16;

/** The recorded board at one moment, drawn read-only on white paper, framed on what the whole recording drew. */
export function ReplayBoard({ items, frame, label }: { readonly items: readonly ReadItem[]; readonly frame: Bounds | null; readonly label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const paths = useRef(new PathCache());
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(element.clientWidth * ratio);
    element.height = Math.round(element.clientHeight * ratio);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, element.width, element.height);
    if (!frame) return;
    const width = Math.max(1, frame.maxX - frame.minX);
    const height = Math.max(1, frame.maxY - frame.minY);
    const scale = Math.min((element.width - 2 * MARGIN * ratio) / width, (element.height - 2 * MARGIN * ratio) / height, 2 * ratio);
    const offsetX = (element.width - width * scale) / 2 - frame.minX * scale;
    const offsetY = (element.height - height * scale) / 2 - frame.minY * scale;
    context.setTransform(scale, 0, 0, scale, offsetX, offsetY);
    for (const read of paintOrder(items)) drawItem(context, read, paths.current);
  }, [items, frame]);
  return <canvas ref={canvas} className="replay-board" role="img" aria-label={label} data-testid="replay-board" data-item-count={items.length} />;
}
