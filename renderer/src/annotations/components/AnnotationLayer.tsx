import { useContext, useEffect, useRef, useState, type PointerEvent } from 'react';
import { useStore } from 'zustand';
import { clampToContent, isInsideContent, toElement, type NormalizedPoint, type Rect } from '../../../../shared/annotations/frame-mapping.js';
import { readItem } from '../../../../shared/board/schema.js';
import { OverlayView } from '../../overlay/OverlayView.js';
import { AnnotationContext, type AnnotationContextValue } from '../annotation-context.js';
import type { OpenShare } from '../annotation-host.js';
import { gestureToItem, pointerToContent, textItem, videoContentRect, type Gesture } from '../annotation-input.js';
import { drawAnnotation, drawLaser, paintOrder } from '../annotation-render.js';
import '../annotations.css';
import { AnnotationToolbar } from './AnnotationToolbar.js';

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

/** A summary of the marks for tests and assistive tools: kind, and first and last point in content fractions. */
function describeItems(share: OpenShare): string {
  const { items } = share.session.store.getState();
  return JSON.stringify(
    paintOrder(items.values()).map(({ item, points }) => {
      const fractions = (x: number, y: number): [number, number] => [round(x / 10_000), round(y / 10_000)];
      if (item.type === 'stroke' && points) {
        const first = points[0] as readonly number[];
        const last = points[points.length - 1] as readonly number[];
        return { id: item.id, kind: item.tool, color: item.style.color, first: fractions(first[0]!, first[1]!), last: fractions(last[0]!, last[1]!) };
      }
      if (item.type === 'shape') return { id: item.id, kind: item.kind, color: item.style.color, first: fractions(item.x1, item.y1), last: fractions(item.x2, item.y2) };
      return { id: item.id, kind: 'text', color: item.style.color, first: fractions(item.type === 'text' ? item.x : 0, item.type === 'text' ? item.y : 0) };
    }),
  );
}

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
  const { annotations, bridge } = context;
  const layerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const gesture = useRef<Gesture | null>(null);
  const [rect, setRect] = useState<Rect | null>(null);
  const [textAt, setTextAt] = useState<NormalizedPoint | null>(null);
  const items = useStore(session.store, (state) => state.items);
  const allowed = useStore(session.store, (state) => state.allowed);
  const annotators = useStore(session.store, (state) => state.annotators);
  const tool = useStore(annotations.store, (state) => state.tool);
  const color = useStore(annotations.store, (state) => state.color);
  const presenter = session.role === 'presenter';
  const canDraw = presenter || allowed;
  // In the browser the presenter's marks come back through the bridge, as the overlay window would show them.
  const overlayPreview = presenter && bridge.kind === 'web';
  const visibleLasers = annotators.filter((annotator) => annotator.laser.length > 0 && (allowed || annotator.self || presenter));

  // The video the layer covers: found beside it in the tile, measured every frame (tiles resize, resolutions change).
  useEffect(() => {
    const layer = layerRef.current;
    let video: HTMLVideoElement | null = null;
    let frame = 0;
    let last = '';
    // A video reports no size for a moment when its source is set again (a new track after a renegotiation):
    // the marks keep the last size instead of blinking out, since the shared content has not moved.
    let frameSize: { width: number; height: number } | null = null;
    const measure = (): void => {
      const found = layer?.parentElement?.querySelector('video') ?? null;
      if (found !== video) {
        if (video) frames.detach(video);
        video = found;
        if (video) frames.attach(video);
      }
      if (video && video.videoWidth > 0 && video.videoHeight > 0) frameSize = { width: video.videoWidth, height: video.videoHeight };
      const next = layer && video && frameSize ? videoContentRect(layer, video, frameSize) : null;
      const key = next ? `${next.x},${next.y},${next.width},${next.height}` : '';
      if (key !== last) {
        last = key;
        setRect(next);
      }
      frame = requestAnimationFrame(measure);
    };
    measure();
    return () => {
      cancelAnimationFrame(frame);
      if (video) frames.detach(video);
    };
  }, [frames]);

  const draw = (): void => {
    const canvas = canvasRef.current;
    const layer = layerRef.current;
    if (!canvas || !layer) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(layer.clientWidth * ratio);
    const height = Math.round(layer.clientHeight * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const context2d = canvas.getContext('2d');
    if (!context2d) return;
    context2d.setTransform(1, 0, 0, 1, 0, 0);
    context2d.clearRect(0, 0, width, height);
    if (!rect) return;
    context2d.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (!overlayPreview) for (const read of paintOrder(items.values())) drawAnnotation(context2d, rect, read);
    const current = gesture.current;
    if (current) {
      const item = gestureToItem(current, color, 'draft', 0);
      const read = item && readItem('draft', item);
      if (read) drawAnnotation(context2d, rect, read);
    }
    if (!overlayPreview) for (const annotator of visibleLasers) drawLaser(context2d, rect, annotator);
  };
  useEffect(draw);

  const toContent = (event: PointerEvent): NormalizedPoint | null => (rect && layerRef.current ? pointerToContent(rect, layerRef.current, event) : null);

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>): void => {
    const point = toContent(event);
    if (!point || !canDraw || !isInsideContent(point) || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    if (tool === 'text') {
      setTextAt(point);
      return;
    }
    if (tool === 'laser') {
      session.laser(point);
      return;
    }
    gesture.current = { tool, points: [point], pressure: [event.pressure || 0.5] };
    draw();
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
    draw();
  };
  const onPointerUp = (): void => {
    const current = gesture.current;
    gesture.current = null;
    if (!current) return;
    const item = gestureToItem(current, color, session.newItemId(), session.topZ());
    if (item) session.put([item]);
    draw();
  };

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
      data-items={describeItems(share)}
      data-item-count={items.size}
      data-lasers={visibleLasers.length}
      data-content-rect={rect ? JSON.stringify(rect) : ''}
    >
      {overlayPreview && rect && (
        <div className="annotation-overlay-frame" style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}>
          <OverlayView bridge={bridge} className="annotation-overlay-preview" />
        </div>
      )}
      <canvas
        ref={canvasRef}
        className={`annotation-canvas annotation-tool-${tool}`}
        data-testid="annotation-canvas"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onPointerLeave={() => session.cursor(null)}
      />
      {rect &&
        annotators
          .filter((annotator) => !annotator.self && annotator.cursor)
          .map((annotator) => {
            const at = toElement(rect, annotator.cursor as NormalizedPoint);
            return (
              <span key={annotator.clientId} className="annotation-cursor" data-testid="annotation-cursor" style={{ left: at.x, top: at.y, color: annotator.color }}>
                <span className="annotation-cursor-name" style={{ background: annotator.color }}>
                  {annotator.name}
                </span>
              </span>
            );
          })}
      {textPosition && (
        <input
          className="annotation-text-input"
          data-testid="annotation-text-input"
          aria-label="Annotation text"
          autoFocus
          style={{ left: textPosition.x, top: textPosition.y, color }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitText(event.currentTarget.value);
            else if (event.key === 'Escape') setTextAt(null);
          }}
          onBlur={(event) => commitText(event.currentTarget.value)}
        />
      )}
      <AnnotationToolbar annotations={annotations} share={share} />
    </div>
  );
}
