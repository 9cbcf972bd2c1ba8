import { EventEmitter } from 'node:events';
import type { BrowserWindow, Display, Rectangle, Screen } from 'electron';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { WindowState } from '../settings/preferences.js';
import { restoreWindowBounds, trackWindowState, WINDOW_STATE_SAVE_DELAY_MS, type DisplayArea } from './window-state.js';
import { hardenedWebPreferences, mainWindowOptions } from './main-window.js';

const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitor: DisplayArea = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };
const onMonitor: WindowState = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, displayId: 2, maximized: true };

describe('window state', () => {
  test('first launch uses the default size', () => {
    expect(restoreWindowBounds(null, [laptop], laptop)).toEqual({ bounds: null, maximized: false });
  });

  test('reopens where it was, on the display it was on', () => {
    expect(restoreWindowBounds(onMonitor, [laptop, monitor], laptop)).toEqual({ bounds: onMonitor.bounds, maximized: true });
  });

  test('a window that straddled displays stays where it was while still reachable', () => {
    const straddling: WindowState = { ...onMonitor, bounds: { x: 1000, y: 100, width: 1200, height: 700 }, displayId: 1 };
    expect(restoreWindowBounds(straddling, [laptop, monitor], laptop).bounds).toEqual(straddling.bounds);
  });

  test('when its display was unplugged it comes back centred on the primary display, shrunk to fit', () => {
    const big: WindowState = { ...onMonitor, bounds: { x: 1600, y: 100, width: 2000, height: 1200 } };
    expect(restoreWindowBounds(big, [laptop], laptop)).toEqual({
      bounds: { x: 0, y: 25, width: 1440, height: 875 },
      maximized: true,
    });
    expect(restoreWindowBounds(onMonitor, [laptop], laptop).bounds).toEqual({ x: 120, y: 63, width: 1200, height: 800 });
  });

  test('a sliver on screen is not enough to count as reachable', () => {
    const sliver: WindowState = { bounds: { x: 1400, y: 100, width: 800, height: 600 }, displayId: 1, maximized: false };
    expect(restoreWindowBounds(sliver, [laptop], laptop).bounds).toEqual({ x: 320, y: 163, width: 800, height: 600 });
  });

  describe('tracking', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    test('saves once after a burst of moves and at once on close', () => {
      const window = Object.assign(new EventEmitter(), {
        bounds: { x: 10, y: 20, width: 900, height: 700 } as Rectangle,
        getNormalBounds() {
          return this.bounds;
        },
        isMaximized: () => false,
        isDestroyed: () => false,
      });
      const screen = { getDisplayMatching: () => ({ id: 7 }) as Display } as Pick<Screen, 'getDisplayMatching'>;
      const saved: WindowState[] = [];
      trackWindowState(window as unknown as BrowserWindow, screen, (state) => saved.push(state));
      window.emit('move');
      window.emit('move');
      window.emit('resize');
      expect(saved).toEqual([]);
      vi.advanceTimersByTime(WINDOW_STATE_SAVE_DELAY_MS);
      expect(saved).toEqual([{ bounds: window.bounds, displayId: 7, maximized: false }]);
      window.bounds = { x: 30, y: 40, width: 900, height: 700 };
      window.emit('move');
      window.emit('close');
      vi.advanceTimersByTime(WINDOW_STATE_SAVE_DELAY_MS);
      expect(saved).toHaveLength(2);
      expect(saved[1]?.bounds).toEqual({ x: 30, y: 40, width: 900, height: 700 });
    });
  });
});

describe('window security options', () => {
  test('every window is sandboxed and context-isolated, with no Node and no webview', () => {
    expect(hardenedWebPreferences('/p.cjs')).toEqual({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(mainWindowOptions('/p.cjs').webPreferences).toEqual(hardenedWebPreferences('/p.cjs'));
  });
});
