import type { ShellBridge } from '../../../shared/bridge.js';
import { EMPTY_OVERLAY } from '../../../shared/desktop/overlay.js';
import { toOverlayContent } from './annotation-render.js';
import type { AnnotationSession } from './annotation-session.js';

/** The overlay is redrawn at most this often while people draw: smooth, and light on IPC. */
const OVERLAY_INTERVAL_MS = 33;

export type OverlayBridge = Pick<ShellBridge, 'updateOverlay'>;

/**
 * Sends the presenter's marks and the lasers it shows to the overlay window
 * over the shared display; returns the stop, which empties the overlay.
 */
export function feedPresenterOverlay(session: AnnotationSession, bridge: OverlayBridge, frameSize: () => { width: number; height: number }): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = (): void => {
    timer = null;
    const { items, annotators, allowed } = session.store.getState();
    const lasers = allowed ? annotators : annotators.filter((annotator) => annotator.self);
    void bridge.updateOverlay(toOverlayContent(items.values(), lasers, frameSize())).catch(() => undefined);
  };
  const unsubscribe = session.store.subscribe(() => {
    timer ??= setTimeout(send, OVERLAY_INTERVAL_MS);
  });
  send();
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    void bridge.updateOverlay(EMPTY_OVERLAY).catch(() => undefined);
  };
}
