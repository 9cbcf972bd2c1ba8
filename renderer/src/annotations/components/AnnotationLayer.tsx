import { useContext, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { toElement, type NormalizedPoint } from '../../../../shared/annotations/frame-mapping.js';
import { AnnotationContext, type AnnotationContextValue } from '../annotation-context.js';
import { textItem, type Gesture } from '../annotation-input.js';
import { describeItems } from '../describe-items.js';
import { paintLayer } from '../layer-paint.js';
import type { OpenShare } from '../share-annotations.js';
import '../annotations.css';
import { AnnotationTextInput } from './AnnotationTextInput.js';
import { AnnotationToolbar } from './AnnotationToolbar.js';
import { AnnotatorCursors } from './AnnotatorCursors.js';
import { pointerHandlers } from './pointer-handlers.js';
import { useContentRect } from './use-content-rect.js';

/**
 * Drawing over one shared screen's video: the marks of everyone, each
 * annotator's cursor with their name, laser trails, and the current gesture.
 * Sits over the tile's <video> and maps through the rectangle the content
 * occupies in it, bars excluded.
 */
export function AnnotationLayer({ feedId }: { readonly feedId: string }) {
  const context = useContext(AnnotationContext);
  return context ? <OpenShareLayer context={context} feedId={feedId} /> : null;
}

function OpenShareLayer({ context, feedId }: { readonly context: AnnotationContextValue; readonly feedId: string }) {
  const share = useStore(context.annotations.store, (state) => state.shares[feedId]);
  return share ? <ShareLayer share={share} context={context} feedId={feedId} /> : null;
}

function ShareLayer({ share, context, feedId }: { readonly share: OpenShare; readonly context: AnnotationContextValue; readonly feedId: string }) {
  const { session, frames } = share;
  const { annotations, OverlayPreview } = context;
  const layerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const gesture = useRef<Gesture | null>(null);
  const rect = useContentRect(layerRef, frames);
  const [textAt, setTextAt] = useState<NormalizedPoint | null>(null);
  const items = useStore(session.store, (state) => state.items);
  const allowed = useStore(session.store, (state) => state.allowed);
  const annotators = useStore(session.store, (state) => state.annotators);
  const tool = useStore(annotations.store, (state) => state.tool);
  const color = useStore(annotations.store, (state) => state.color);
  const presenter = session.role === 'presenter';
  const canDraw = presenter || allowed;
  // Where the overlay preview shows the presenter's marks, as the overlay window would, the canvas does not draw them twice.
  const overlayPreview = presenter && OverlayPreview !== null;
  const visibleLasers = annotators.filter((annotator) => annotator.laser.length > 0 && (allowed || annotator.self || presenter));

  const repaint = (): void => {
    if (!canvasRef.current || !layerRef.current) return;
    paintLayer(canvasRef.current, layerRef.current, {
      rect,
      items: overlayPreview ? [] : items.values(),
      lasers: overlayPreview ? [] : visibleLasers,
      gesture: gesture.current,
      color,
    });
  };
  const handlers = pointerHandlers({ session, layerRef, gesture, rect, tool, color, canDraw, repaint, placeText: setTextAt });
  useEffect(repaint);

  const commitText = (text: string): void => {
    if (textAt && text.trim() !== '') session.put([textItem(textAt, text, color, session.newItemId(), session.topZ())]);
    setTextAt(null);
  };

  const textPosition = rect && textAt ? toElement(rect, textAt) : null;
  return (
    <div
      ref={layerRef}
      className={`annotation-layer${canDraw ? ' annotation-drawing' : ''}`}
      data-testid="annotation-layer"
      data-feed-id={feedId}
      data-role={session.role}
      data-allowed={allowed}
      data-items={describeItems(items.values())}
      data-item-count={items.size}
      data-lasers={visibleLasers.length}
      data-content-rect={rect ? JSON.stringify(rect) : ''}
    >
      {OverlayPreview && presenter && rect && (
        <div className="annotation-overlay-frame" style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}>
          <OverlayPreview className="annotation-overlay-preview" />
        </div>
      )}
      <canvas ref={canvasRef} className={`annotation-canvas annotation-tool-${tool}`} data-testid="annotation-canvas" {...handlers} />
      {rect && <AnnotatorCursors rect={rect} annotators={annotators} />}
      {textPosition && <AnnotationTextInput at={textPosition} color={color} onCommit={commitText} onCancel={() => setTextAt(null)} />}
      <AnnotationToolbar annotations={annotations} share={share} />
    </div>
  );
}
