import { contentRect, FRAME_UNITS, pixelsToSize, toNormalized, type NormalizedPoint, type Rect } from '../../../shared/annotations/frame-mapping.js';
import { DEFAULT_PRESSURE, encodePoints, type StrokePoint } from '../../../shared/board/points.js';
import type { BoardItem, Style } from '../../../shared/board/schema.js';
import type { AnnotationTool } from './annotation-tools.js';

/** Sizes per tool in the shared content's pixels when it is shown at 720 lines: legible, not blocking. */
const TOOL_PIXELS_AT_720: Record<Exclude<AnnotationTool, 'laser'>, number> = { pen: 4, highlighter: 18, arrow: 4, rectangle: 4, text: 24 };
const REFERENCE_RECT: Rect = { x: 0, y: 0, width: 1280, height: 720 };

/**
 * Where the shared content sits in a layer, from the <video> it covers and
 * the frame size it last showed: null until the first frame.
 */
export function videoContentRect(layer: HTMLElement, video: HTMLVideoElement, frame: { width: number; height: number }): Rect | null {
  const layerBox = layer.getBoundingClientRect();
  const box = video.getBoundingClientRect();
  const rect = contentRect({ width: box.width, height: box.height }, frame);
  return rect && { ...rect, x: rect.x + box.left - layerBox.left, y: rect.y + box.top - layerBox.top };
}

export function pointerToContent(rect: Rect, layer: HTMLElement, event: { clientX: number; clientY: number }): NormalizedPoint {
  const box = layer.getBoundingClientRect();
  return toNormalized(rect, event.clientX - box.left, event.clientY - box.top);
}

const units = (value: number): number => Math.round(value * FRAME_UNITS * 4) / 4;

export function styleFor(tool: Exclude<AnnotationTool, 'laser'>, color: string): Style {
  return { color, width: pixelsToSize(REFERENCE_RECT, TOOL_PIXELS_AT_720[tool]), opacity: 1 };
}

/** A gesture in progress, in content fractions. */
export interface Gesture {
  readonly tool: Exclude<AnnotationTool, 'laser' | 'text'>;
  readonly points: NormalizedPoint[];
  readonly pressure: number[];
}

/** The finished gesture as a document item, in frame units. */
export function gestureToItem(gesture: Gesture, color: string, id: string, z: number): BoardItem | null {
  const style = styleFor(gesture.tool, color);
  const first = gesture.points[0];
  const last = gesture.points[gesture.points.length - 1];
  if (!first || !last) return null;
  if (gesture.tool === 'pen' || gesture.tool === 'highlighter') {
    const points: StrokePoint[] = gesture.points.map((point, index) => [units(point.x), units(point.y), gesture.pressure[index] ?? DEFAULT_PRESSURE]);
    return { id, z, type: 'stroke', tool: gesture.tool, style, points: encodePoints(points, false) };
  }
  return { id, z, type: 'shape', kind: gesture.tool, style, x1: units(first.x), y1: units(first.y), x2: units(last.x), y2: units(last.y) };
}

export function textItem(at: NormalizedPoint, text: string, color: string, id: string, z: number): BoardItem {
  return { id, z, type: 'text', style: styleFor('text', color), x: units(at.x), y: units(at.y), text };
}
