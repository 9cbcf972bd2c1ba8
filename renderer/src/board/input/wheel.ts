/** What a wheel event asks of the camera, in screen pixels. */
export type WheelAction = { readonly kind: 'zoom'; readonly x: number; readonly y: number; readonly factor: number } | { readonly kind: 'pan'; readonly dx: number; readonly dy: number };

/** A line of wheel scrolling, in pixels. */
const LINE_PIXELS = 16;
/** Wheel pixels per e-fold of zoom. */
const ZOOM_PIXELS = 200;

type WheelInput = Pick<WheelEvent, 'deltaMode' | 'deltaX' | 'deltaY' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/**
 * Wheel and trackpad: Ctrl (or Cmd) zooms about the pointer, since a trackpad
 * pinch arrives as a wheel event with ctrlKey set; Shift turns a vertical
 * wheel into a horizontal pan; anything else pans. `at` is the pointer on the
 * canvas, `pageHeight` the canvas height that a page of scrolling spans.
 */
export function wheelAction(event: WheelInput, at: { readonly x: number; readonly y: number }, pageHeight: number): WheelAction {
  const unit = event.deltaMode === 1 ? LINE_PIXELS : event.deltaMode === 2 ? pageHeight : 1;
  if (event.ctrlKey || event.metaKey) return { kind: 'zoom', x: at.x, y: at.y, factor: Math.exp((-event.deltaY * unit) / ZOOM_PIXELS) };
  if (event.shiftKey && event.deltaX === 0) return { kind: 'pan', dx: -event.deltaY * unit, dy: 0 };
  return { kind: 'pan', dx: -event.deltaX * unit, dy: -event.deltaY * unit };
}
