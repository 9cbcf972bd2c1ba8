import type { WebFrameMain } from 'electron';
import { describe, expect, test } from 'vitest';
import { createWindowRegistry, type RegisteredWindow } from './window-registry.js';

/** Frames stand in for Electron's WebFrameMain; the registry learns their contents through the lookup alone. */
const contentsOfFrame = new Map<WebFrameMain, number>();
function frameIn(contentsId: number): WebFrameMain {
  const frame = {} as WebFrameMain;
  contentsOfFrame.set(frame, contentsId);
  return frame;
}
const windowWith = (id: number): RegisteredWindow => ({ webContents: { id } });
const detachedFrame = {} as WebFrameMain;

function setup() {
  return createWindowRegistry<RegisteredWindow>({ contentsIdOf: (frame) => contentsOfFrame.get(frame) });
}

describe('window registry', () => {
  test('tells which window a frame belongs to, and none for a frame of no window of ours', () => {
    const registry = setup();
    registry.register('main', windowWith(1));
    registry.register('mini', windowWith(2));
    registry.register('overlay', windowWith(3));
    expect([frameIn(1), frameIn(2), frameIn(3), frameIn(4), detachedFrame].map((frame) => registry.roleOf(frame))).toEqual([
      'main',
      'mini',
      'overlay',
      null,
      null,
    ]);
  });

  test('lets the window of a role through and refuses the others by that window’s name', () => {
    const registry = setup();
    const main = windowWith(1);
    registry.register('main', main);
    registry.register('mini', windowWith(2));
    expect(registry.require(frameIn(1), 'main')).toBe(main);
    expect(() => registry.require(frameIn(2), 'main')).toThrow('only the call window may use this channel');
    expect(() => registry.require(frameIn(1), 'mini')).toThrow('only the mini call window may use this channel');
  });

  test('refuses everyone, even a detached frame, when no window holds the role', () => {
    const registry = setup();
    expect(() => registry.require(frameIn(1), 'mini')).toThrow(/mini call window/);
    expect(() => registry.require(detachedFrame, 'overlay')).toThrow(/presenter overlay/);
    expect(registry.get('main')).toBeNull();
  });

  test('a closed window is forgotten, and its frames belong to no window', () => {
    const registry = setup();
    const forget = registry.register('mini', windowWith(2));
    forget();
    expect(registry.get('mini')).toBeNull();
    expect(registry.roleOf(frameIn(2))).toBeNull();
  });

  test('forgetting a window that was replaced keeps its successor', () => {
    const registry = setup();
    const forgetFirst = registry.register('overlay', windowWith(3));
    const second = windowWith(5);
    registry.register('overlay', second);
    forgetFirst();
    expect(registry.get('overlay')).toBe(second);
    expect(registry.roleOf(frameIn(5))).toBe('overlay');
    expect(registry.roleOf(frameIn(3))).toBeNull();
  });

  test('keeps the contents id a window had when it opened', () => {
    const registry = setup();
    const window = { webContents: { id: 7 } };
    registry.register('main', window);
    // A destroyed window's contents throw when read: the registry never reads them again.
    Object.defineProperty(window, 'webContents', { get: () => { throw new Error('Object has been destroyed'); } });
    expect(registry.roleOf(frameIn(7))).toBe('main');
  });
});
