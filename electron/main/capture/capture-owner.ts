import type { WebContents, WebFrameMain } from 'electron';
import { sendWindowEvent } from '../ipc/window-events.js';
import { isAppTopFrame } from '../security/app-origin.js';
import type { CaptureOwner } from './display-media-queue.js';

/** What the capture queue needs of the contents that asked to share. */
export type CaptureContents = Pick<WebContents, 'id' | 'once' | 'removeListener' | 'isDestroyed' | 'send'>;

/** The events after which a pending request has nobody left to answer it. */
const GONE_EVENTS = ['destroyed', 'render-process-gone', 'did-navigate'] as const;

/**
 * The capture queue's view of a window: its contents id, its closing, and
 * its events. Only the app's own top frame may ask; `bringForward` shows
 * the call window so the picker is seen.
 */
export function captureOwnerOf(
  contents: CaptureContents | undefined,
  frame: Pick<WebFrameMain, 'url' | 'parent'>,
  bringForward: () => void,
): CaptureOwner | null {
  if (!contents || !isAppTopFrame(frame)) return null;
  return {
    id: contents.id,
    onClosed(listener) {
      const gone = () => listener();
      // A reload ('did-navigate') commits a new page that knows nothing of the old request.
      for (const event of GONE_EVENTS) contents.once(event as 'destroyed', gone);
      return () => {
        if (contents.isDestroyed()) return;
        for (const event of GONE_EVENTS) contents.removeListener(event as 'destroyed', gone);
      };
    },
    requested: (event) => {
      bringForward();
      sendWindowEvent(contents, 'captureRequested', event);
    },
    ended: (event) => sendWindowEvent(contents, 'captureEnded', event),
  };
}
