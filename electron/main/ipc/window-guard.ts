import type { BrowserWindow, WebFrameMain } from 'electron';

/**
 * Per-window IPC rights on top of the router's origin check: every Confer
 * window is app://confer, but only the call window may report the call or
 * feed the overlay, and only the mini window may send its buttons.
 */
export function createWindowGuard(contentsIdOf: (frame: WebFrameMain) => number | undefined) {
  return function requireWindow(frame: WebFrameMain, window: Pick<BrowserWindow, 'webContents'> | null, role: string): void {
    if (!window || contentsIdOf(frame) !== window.webContents.id) throw new Error(`only the ${role} may use this channel`);
  };
}
