import type { BrowserWindow, WebFrameMain } from 'electron';
import { describe, expect, test } from 'vitest';
import { createWindowGuard } from './window-guard.js';

const frameOf = (contentsId: number) => ({ contentsId }) as unknown as WebFrameMain;
const windowWith = (id: number) => ({ webContents: { id } }) as Pick<BrowserWindow, 'webContents'>;
const requireWindow = createWindowGuard((frame) => (frame as unknown as { contentsId: number }).contentsId);

describe('window guard', () => {
  test('lets the named window through and refuses the others', () => {
    expect(() => requireWindow(frameOf(1), windowWith(1), 'call window')).not.toThrow();
    expect(() => requireWindow(frameOf(2), windowWith(1), 'call window')).toThrow('only the call window may use this channel');
  });

  test('refuses everyone when the window does not exist', () => {
    expect(() => requireWindow(frameOf(1), null, 'mini call window')).toThrow(/mini call window/);
  });
});
