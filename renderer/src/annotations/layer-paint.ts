import type { Rect } from '../../../shared/annotations/frame-mapping.js';
import { readItem, type ReadItem } from '../../../shared/board/schema.js';
import type { Annotator } from './annotation-awareness.js';
import { gestureToItem, type Gesture } from './annotation-input.js';
import { drawAnnotation, drawLaser, paintOrder } from './annotation-render.js';

export interface LayerPicture {
  /** Where the shared content sits in the layer; nothing is drawn before the first frame. */
  readonly rect: Rect | null;
  /** Marks and lasers; empty when the overlay preview shows them instead. */
  readonly items: Iterable<ReadItem>;
  readonly lasers: readonly Annotator[];
  /** The gesture being drawn, in the colour it will have. */
  readonly gesture: Gesture | null;
  readonly color: string;
}

/** Repaints one share's canvas at the screen's pixel ratio, sized to the layer it covers. */
export function paintLayer(canvas: HTMLCanvasElement, layer: HTMLElement, picture: LayerPicture): void {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(layer.clientWidth * ratio);
  const height = Math.round(layer.clientHeight * ratio);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width, height);
  const { rect, gesture } = picture;
  if (!rect) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  for (const read of paintOrder(picture.items)) drawAnnotation(context, rect, read);
  if (gesture) {
    const item = gestureToItem(gesture, picture.color, 'draft', 0);
    const read = item && readItem('draft', item);
    if (read) drawAnnotation(context, rect, read);
  }
  for (const annotator of picture.lasers) drawLaser(context, rect, annotator);
}
