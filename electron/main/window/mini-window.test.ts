import { describe, expect, test } from 'vitest';
import { miniWindowBounds, miniWindowOptions, shouldShowMiniWindow } from './mini-window.js';

describe('mini call window', () => {
  test.each([
    [{ enabled: true, inCall: true, mainWindowVisible: false }, true],
    [{ enabled: false, inCall: true, mainWindowVisible: false }, false],
    [{ enabled: true, inCall: false, mainWindowVisible: false }, false],
    [{ enabled: true, inCall: true, mainWindowVisible: true }, false],
  ])('%o → shown: %s', (state, shown) => {
    expect(shouldShowMiniWindow(state)).toBe(shown);
  });

  test('sits in the bottom-right corner by default and where the user left it otherwise', () => {
    const workArea = { x: 1440, y: 0, width: 2560, height: 1400 };
    expect(miniWindowBounds(null, workArea)).toEqual({ x: 3676, y: 1244, width: 300, height: 132 });
    expect(miniWindowBounds({ x: 5, y: 6, width: 300, height: 132 }, workArea)).toEqual({ x: 5, y: 6, width: 300, height: 132 });
  });

  test('is on top, out of the taskbar and sandboxed', () => {
    expect(miniWindowOptions('/p.cjs', { x: 0, y: 0, width: 300, height: 132 })).toMatchObject({
      alwaysOnTop: true,
      skipTaskbar: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
  });
});
