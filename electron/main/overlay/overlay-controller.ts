import type { Rectangle, Screen } from 'electron';
import type { OverlayContent } from '../../../shared/desktop/overlay.js';
import { overlayBounds } from './overlay-placement.js';

/** What the controller needs of the overlay's BrowserWindow. */
export interface OverlayWindow {
  setBounds(bounds: Rectangle): void;
  close(): void;
  isDestroyed(): boolean;
  /** Sends content to the overlay page. */
  show(content: OverlayContent): void;
}

export interface OverlayControllerOptions {
  readonly screen: Pick<Screen, 'getAllDisplays' | 'on' | 'removeListener'>;
  readonly openWindow: (bounds: Rectangle) => OverlayWindow;
  readonly log?: (message: string) => void;
}

/**
 * The presenter overlay: one window over the shared display while a screen
 * is presented. It moves with display changes, closes when the display
 * goes away, and closes with the share.
 */
export function createOverlayController(options: OverlayControllerOptions) {
  let window: OverlayWindow | null = null;
  let displayId: string | null = null;
  let content: OverlayContent = { strokes: [] };

  const follow = () => {
    if (!window || displayId === null) return;
    const bounds = overlayBounds(displayId, options.screen.getAllDisplays());
    if (bounds) window.setBounds(bounds);
    else {
      options.log?.(`overlay display ${displayId} went away`);
      close();
    }
  };

  function close(): void {
    options.screen.removeListener('display-metrics-changed', follow);
    options.screen.removeListener('display-removed', follow);
    options.screen.removeListener('display-added', follow);
    if (window && !window.isDestroyed()) window.close();
    window = null;
    displayId = null;
    content = { strokes: [] };
  }

  return {
    /** Opens (or moves) the overlay over the display of the shared screen. */
    open(sharedDisplayId: string): boolean {
      const bounds = overlayBounds(sharedDisplayId, options.screen.getAllDisplays());
      if (!bounds) {
        options.log?.(`no display matches shared screen ${sharedDisplayId || '(unnamed)'}: no overlay`);
        close();
        return false;
      }
      if (window && !window.isDestroyed()) {
        displayId = sharedDisplayId;
        window.setBounds(bounds);
        return true;
      }
      displayId = sharedDisplayId;
      window = options.openWindow(bounds);
      options.screen.on('display-metrics-changed', follow);
      options.screen.on('display-removed', follow);
      options.screen.on('display-added', follow);
      return true;
    },
    close,
    update(next: OverlayContent): void {
      content = next;
      if (window && !window.isDestroyed()) window.show(content);
    },
    /** What a freshly loaded overlay page should draw. */
    get content(): OverlayContent {
      return content;
    },
    get isOpen(): boolean {
      return window !== null;
    },
  };
}
