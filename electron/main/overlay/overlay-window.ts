import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { hardenedWebPreferences } from '../window/main-window.js';

/**
 * A transparent, frameless, unfocusable window: it never takes a click or
 * a key from the presenter, and never shows in the taskbar.
 */
export function overlayWindowOptions(preloadPath: string, bounds: Rectangle): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    show: false,
    frame: false,
    transparent: true,
    backgroundColor: '#00000000',
    hasShadow: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    focusable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    enableLargerThanScreen: true,
    title: 'Confer presenter overlay',
    webPreferences: hardenedWebPreferences(preloadPath),
  };
}

/** Settings that only exist as methods: click-through, above full-screen apps, on every workspace. */
export function makeClickThroughOverlay(
  window: Pick<BrowserWindow, 'setIgnoreMouseEvents' | 'setAlwaysOnTop' | 'setVisibleOnAllWorkspaces' | 'showInactive' | 'once'>,
): void {
  window.setIgnoreMouseEvents(true);
  // 'screen-saver' is the level above full-screen windows on macOS; elsewhere it is plain always-on-top.
  window.setAlwaysOnTop(true, 'screen-saver');
  window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  window.once('ready-to-show', () => window.showInactive());
}
