/**
 * Where the shared frame sits inside a video element, and the conversion
 * between element pixels and coordinates normalised to the shared content.
 *
 * A video element with `object-fit: contain` scales the frame uniformly and
 * centres it: a frame wider than the element leaves bars above and below
 * (letterbox), a taller one leaves bars left and right (pillarbox). Marks are
 * stored as fractions of the content itself, bars excluded, so they land on
 * the same pixel of the shared screen for every viewer and survive a change
 * of the shared resolution (the fractions do not depend on it).
 */

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A rectangle in element pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point as a fraction of the shared content: (0, 0) its top-left corner, (1, 1) its bottom-right. */
export interface NormalizedPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * The rectangle the frame occupies inside an element of `element` size, as
 * `object-fit: contain` places it. Null while either size is unknown (a
 * video without its first frame reports 0 x 0).
 */
export function contentRect(element: Size, frame: Size): Rect | null {
  if (!(element.width > 0 && element.height > 0 && frame.width > 0 && frame.height > 0)) return null;
  const scale = Math.min(element.width / frame.width, element.height / frame.height);
  const width = frame.width * scale;
  const height = frame.height * scale;
  return { x: (element.width - width) / 2, y: (element.height - height) / 2, width, height };
}

/** Element pixels to content fractions. Points on the bars fall outside 0..1: see `isInsideContent`. */
export function toNormalized(rect: Rect, x: number, y: number): NormalizedPoint {
  return { x: (x - rect.x) / rect.width, y: (y - rect.y) / rect.height };
}

/** Content fractions back to element pixels. */
export function toElement(rect: Rect, point: NormalizedPoint): { x: number; y: number } {
  return { x: rect.x + point.x * rect.width, y: rect.y + point.y * rect.height };
}

export function isInsideContent(point: NormalizedPoint): boolean {
  return point.x >= 0 && point.x <= 1 && point.y >= 0 && point.y <= 1;
}

/** Pulls a point on the bars onto the nearest edge of the content: a stroke may run off, its points may not. */
export function clampToContent(point: NormalizedPoint): NormalizedPoint {
  return { x: Math.min(1, Math.max(0, point.x)), y: Math.min(1, Math.max(0, point.y)) };
}

/**
 * Stored coordinates are content fractions times this many units, per axis:
 * with the board's quarter-unit point encoding that is 1/40,000 of the
 * content, finer than any screen's pixel.
 */
export const FRAME_UNITS = 10_000;

/**
 * Stroke widths and text sizes are stored in thousandths of the content's
 * height, so that they scale with the content like the marks themselves.
 */
export const SIZE_UNITS = 1_000;

/** The size in element pixels of a width stored in size units, for content drawn in `rect`. */
export function sizeToPixels(rect: Rect, size: number): number {
  return (size * rect.height) / SIZE_UNITS;
}

export function pixelsToSize(rect: Rect, pixels: number): number {
  return (pixels * SIZE_UNITS) / rect.height;
}
