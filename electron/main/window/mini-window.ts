import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { hardenedWebPreferences } from './main-window.js';

export const MINI_WINDOW_SIZE = { width: 300, height: 132 };

/**
 * The mini call window appears only when it helps: the user turned it on,
 * a call is running, and the main window is out of sight. It is never
 * forced on top otherwise.
 */
export function shouldShowMiniWindow(state: { readonly enabled: boolean; readonly inCall: boolean; readonly mainWindowVisible: boolean }): boolean {
  return state.enabled && state.inCall && !state.mainWindowVisible;
}

/** Bottom-right of the work area, unless the user moved it somewhere before. */
export function miniWindowBounds(saved: Rectangle | null, workArea: Rectangle): Rectangle {
  if (saved) return saved;
  const margin = 24;
  return {
    x: workArea.x + workArea.width - MINI_WINDOW_SIZE.width - margin,
    y: workArea.y + workArea.height - MINI_WINDOW_SIZE.height - margin,
    ...MINI_WINDOW_SIZE,
  };
}

export function miniWindowOptions(preloadPath: string, bounds: Rectangle): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    show: false,
    title: 'Confer call',
    alwaysOnTop: true,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    backgroundColor: '#1b1e25',
    webPreferences: hardenedWebPreferences(preloadPath),
  };
}
