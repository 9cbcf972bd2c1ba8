import { EventEmitter } from 'node:events';
import type { BrowserWindow, Display, Rectangle, Screen } from 'electron';
import { describe, expect, test } from 'vitest';
import type { OverlayContent } from '../../../shared/desktop/overlay.js';
import { createOverlayController, type OverlayWindow } from './overlay-controller.js';
import { overlayBounds, type DisplayInfo } from './overlay-placement.js';
import { makeClickThroughOverlay, overlayWindowOptions } from './overlay-window.js';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const monitorRight: DisplayInfo = { id: 2, bounds: { x: 1440, y: -300, width: 2560, height: 1440 } };
const monitorLeft: DisplayInfo = { id: 3, bounds: { x: -1920, y: 0, width: 1920, height: 1080 } };

describe('overlay placement', () => {
  test.each([
    ['the laptop', '1', laptop.bounds],
    ['a monitor to the right, offset upwards', '2', monitorRight.bounds],
    ['a monitor to the left, at negative x', '3', monitorLeft.bounds],
  ])('covers exactly %s', (_label, displayId, bounds) => {
    expect(overlayBounds(displayId, [laptop, monitorRight, monitorLeft])).toEqual(bounds);
  });

  test('an unknown display gets no overlay', () => {
    expect(overlayBounds('99', [laptop, monitorRight])).toBeNull();
  });

  test('an unnamed display is only assumed when there is a single one', () => {
    expect(overlayBounds('', [laptop])).toEqual(laptop.bounds);
    expect(overlayBounds('', [laptop, monitorRight])).toBeNull();
  });
});

/** A screen double whose displays the test can change, emitting Electron's events. */
class FakeScreen extends EventEmitter {
  constructor(public displays: DisplayInfo[]) {
    super();
  }
  getAllDisplays = () => this.displays as Display[];
  change(displays: DisplayInfo[], event: 'display-metrics-changed' | 'display-removed') {
    this.displays = displays;
    this.emit(event, {}, displays[0]);
  }
}

class FakeOverlayWindow implements OverlayWindow {
  bounds: Rectangle[] = [];
  shown: OverlayContent[] = [];
  closed = false;
  constructor(initial: Rectangle) {
    this.bounds.push(initial);
  }
  setBounds(bounds: Rectangle) {
    this.bounds.push(bounds);
  }
  close() {
    this.closed = true;
  }
  isDestroyed() {
    return this.closed;
  }
  show(content: OverlayContent) {
    this.shown.push(content);
  }
}

function setup(displays: DisplayInfo[]) {
  const screen = new FakeScreen(displays);
  const windows: FakeOverlayWindow[] = [];
  const controller = createOverlayController({
    screen: screen as unknown as Pick<Screen, 'getAllDisplays' | 'on' | 'removeListener'>,
    openWindow: (bounds) => {
      const window = new FakeOverlayWindow(bounds);
      windows.push(window);
      return window;
    },
  });
  return { screen, windows, controller };
}

describe('overlay controller', () => {
  test('opens over the shared display and moves when the display changes', () => {
    const { screen, windows, controller } = setup([laptop, monitorRight]);
    expect(controller.open('2')).toBe(true);
    expect(windows[0]?.bounds).toEqual([monitorRight.bounds]);
    const rotated = { ...monitorRight, bounds: { x: 1440, y: 0, width: 1440, height: 2560 } };
    screen.change([laptop, rotated], 'display-metrics-changed');
    expect(windows[0]?.bounds.at(-1)).toEqual(rotated.bounds);
  });

  test('sharing another screen moves the same window', () => {
    const { windows, controller } = setup([laptop, monitorRight, monitorLeft]);
    controller.open('1');
    controller.open('3');
    expect(windows).toHaveLength(1);
    expect(windows[0]?.bounds).toEqual([laptop.bounds, monitorLeft.bounds]);
  });

  test('closes when its display is unplugged, and stops following displays', () => {
    const { screen, windows, controller } = setup([laptop, monitorRight]);
    controller.open('2');
    screen.change([laptop], 'display-removed');
    expect(windows[0]?.closed).toBe(true);
    expect(controller.isOpen).toBe(false);
    expect(screen.listenerCount('display-metrics-changed')).toBe(0);
  });

  test('closes with the share and forgets its content', () => {
    const { windows, controller } = setup([laptop]);
    controller.open('1');
    const content: OverlayContent = { strokes: [{ color: '#ff0000', width: 4, points: [[0.1, 0.2]] }] };
    controller.update(content);
    expect(windows[0]?.shown).toEqual([content]);
    controller.close();
    expect(windows[0]?.closed).toBe(true);
    expect(controller.content).toEqual({ strokes: [] });
    controller.update(content);
    expect(windows[0]?.shown).toHaveLength(1);
  });

  test('no overlay when the shared display cannot be found', () => {
    const { windows, controller } = setup([laptop, monitorRight]);
    expect(controller.open('')).toBe(false);
    expect(windows).toHaveLength(0);
  });
});

describe('overlay window', () => {
  test('is transparent, unfocusable, out of the taskbar and as locked down as the main window', () => {
    const options = overlayWindowOptions('/app/preload.cjs', monitorRight.bounds);
    expect(options).toMatchObject({
      ...monitorRight.bounds,
      transparent: true,
      frame: false,
      focusable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/preload.cjs' },
    });
  });

  test('ignores the mouse and floats above full-screen windows', () => {
    const calls: string[] = [];
    const window = {
      setIgnoreMouseEvents: (ignore: boolean) => calls.push(`ignore:${ignore}`),
      setAlwaysOnTop: (flag: boolean, level?: string) => calls.push(`top:${flag}:${level}`),
      setVisibleOnAllWorkspaces: (visible: boolean) => calls.push(`workspaces:${visible}`),
      showInactive: () => calls.push('showInactive'),
      once: (_event: string, listener: () => void) => listener(),
    } as unknown as BrowserWindow;
    makeClickThroughOverlay(window);
    expect(calls).toEqual(['ignore:true', 'top:true:screen-saver', 'workspaces:true', 'showInactive']);
  });
});
