import type { BrowserWindow, Display, Rectangle, Screen } from 'electron';
import type { WindowState } from '../settings/preferences.js';

export type DisplayArea = Pick<Display, 'id' | 'workArea'>;

/** A window counts as reachable when at least this much of it (its title bar, at least) is on some display. */
const MIN_VISIBLE = { width: 120, height: 48 };
/** Saving on every move event would write the settings file dozens of times a second while dragging. */
export const WINDOW_STATE_SAVE_DELAY_MS = 500;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function reachableOn(bounds: Rectangle, display: DisplayArea): boolean {
  const visible = overlap(bounds, display.workArea);
  return visible.width >= MIN_VISIBLE.width && visible.height >= MIN_VISIBLE.height;
}

/**
 * Where to reopen the window. The saved bounds when they are still on a
 * connected display (the saved one first); otherwise the saved size,
 * shrunk to fit, centred on the primary display — never off-screen.
 */
export function restoreWindowBounds(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
): { bounds: Rectangle | null; maximized: boolean } {
  if (!saved) return { bounds: null, maximized: false };
  const savedDisplay = displays.find((display) => display.id === saved.displayId);
  if ((savedDisplay && reachableOn(saved.bounds, savedDisplay)) || displays.some((display) => reachableOn(saved.bounds, display))) {
    return { bounds: { ...saved.bounds }, maximized: saved.maximized };
  }
  const area = primary.workArea;
  const width = Math.min(saved.bounds.width, area.width);
  const height = Math.min(saved.bounds.height, area.height);
  return {
    bounds: { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height },
    maximized: saved.maximized,
  };
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>;

export function currentWindowState(window: TrackedWindow, screen: Pick<Screen, 'getDisplayMatching'>): WindowState {
  const bounds = window.getNormalBounds();
  return { bounds, displayId: screen.getDisplayMatching(bounds).id, maximized: window.isMaximized() };
}

/** Saves the window's state shortly after it moves or resizes, and at once when it closes. */
export function trackWindowState(
  window: TrackedWindow,
  screen: Pick<Screen, 'getDisplayMatching'>,
  save: (state: WindowState) => void,
): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!window.isDestroyed()) save(currentWindowState(window, screen));
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, WINDOW_STATE_SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', saveSoon);
  window.on('close', saveNow);
}
