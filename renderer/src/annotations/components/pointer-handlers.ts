import type { PointerEvent, RefObject } from 'react';
import { clampToContent, isInsideContent, type NormalizedPoint, type Rect } from '../../../../shared/annotations/frame-mapping.js';
import { gestureToItem, pointerToContent, type Gesture } from '../annotation-input.js';
import type { AnnotationSession } from '../annotation-session.js';
import type { AnnotationTool } from '../annotation-tools.js';

export interface PointerOptions {
  readonly session: AnnotationSession;
  readonly layerRef: RefObject<HTMLDivElement | null>;
  /** The stroke or shape being drawn, read by the repaint. */
  readonly gesture: RefObject<Gesture | null>;
  readonly rect: Rect | null;
  readonly tool: AnnotationTool;
  readonly color: string;
  readonly canDraw: boolean;
  /** Repaints the layer with the gesture in progress. */
  readonly repaint: () => void;
  /** The text tool asks for a text field at a point. */
  readonly placeText: (at: NormalizedPoint) => void;
}

/** Pointer handling over a share: cursor, laser, and strokes and shapes that become marks when the pointer lifts. */
export function pointerHandlers({ session, layerRef, gesture, rect, tool, color, canDraw, repaint, placeText }: PointerOptions) {
  const toContent = (event: PointerEvent): NormalizedPoint | null => (rect && layerRef.current ? pointerToContent(rect, layerRef.current, event) : null);

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>): void => {
    const point = toContent(event);
    if (!point || !canDraw || !isInsideContent(point) || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    if (tool === 'text') return placeText(point);
    if (tool === 'laser') return session.laser(point);
    gesture.current = { tool, points: [point], pressure: [event.pressure || 0.5] };
    repaint();
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>): void => {
    const point = toContent(event);
    if (!point) return;
    session.cursor(isInsideContent(point) ? point : null);
    if (!canDraw || event.buttons === 0) return;
    if (tool === 'laser') {
      if (isInsideContent(point)) session.laser(point);
      return;
    }
    const current = gesture.current;
    if (!current) return;
    const clamped = clampToContent(point);
    if (current.tool === 'pen' || current.tool === 'highlighter') {
      current.points.push(clamped);
      current.pressure.push(event.pressure || 0.5);
    } else {
      current.points[1] = clamped;
    }
    repaint();
  };
  const onPointerUp = (): void => {
    const current = gesture.current;
    gesture.current = null;
    if (!current) return;
    const item = gestureToItem(current, color, session.newItemId(), session.topZ());
    if (item) session.put([item]);
    repaint();
  };
  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onPointerLeave: () => session.cursor(null) };
}
