import { EventEmitter } from 'node:events';
import type { Menu, MenuItemConstructorOptions, NativeTheme, PowerMonitor, Tray } from 'electron';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SHELL_MESSAGES } from '../../../shared/desktop/shell-messages.js';
import { IDLE_POLL_MS } from './idle-watcher.js';
import { createTrayStatus, type TrayStatusOptions } from './tray-status.js';

class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime = () => this.idleSeconds;
}

function setup(overrides: Partial<TrayStatusOptions> = {}) {
  const images: string[] = [];
  let template: MenuItemConstructorOptions[] = [];
  const tray = {
    setImage: (image: string) => void images.push(image),
    setToolTip: () => undefined,
    setContextMenu: () => undefined,
    on: () => undefined,
  } as unknown as Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'on'>;
  const nativeTheme = new EventEmitter();
  const powerMonitor = new FakePowerMonitor();
  let theme: 'light' | 'dark' = 'dark';
  const saved: string[] = [];
  const status = createTrayStatus({
    tray,
    buildMenu: (items) => {
      template = items;
      return {} as Menu;
    },
    iconPath: (icon, variant) => `${icon}-${variant}`,
    theme: () => theme,
    miniWindowEnabled: () => true,
    messages: () => SHELL_MESSAGES.en,
    nativeTheme: nativeTheme as unknown as Pick<NativeTheme, 'on'>,
    powerMonitor: powerMonitor as unknown as PowerMonitor,
    idleMinutes: 5,
    chosenStatus: 'available',
    actions: {
      showWindow: () => undefined,
      command: () => undefined,
      setStatus: (chosen) => void saved.push(chosen),
      setMiniWindowEnabled: () => undefined,
      quit: () => undefined,
    },
    ...overrides,
  });
  const click = (label: string) =>
    template
      .flatMap((entry) => [entry, ...((entry.submenu as MenuItemConstructorOptions[] | undefined) ?? [])])
      .find((entry) => entry.label === label)
      ?.click?.({} as never, undefined, {} as never);
  return { status, images, nativeTheme, powerMonitor, click, saved, setTheme: (next: 'light' | 'dark') => void (theme = next) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('tray status', () => {
  test('starts showing the status chosen last time', () => {
    const { images, status } = setup({ chosenStatus: 'do-not-disturb' });
    expect(images).toEqual(['do-not-disturb-dark']);
    expect(status.state.chosen).toBe('do-not-disturb');
  });

  test('a status picked in the menu shows at once and is handed on to be saved', () => {
    const { images, click, saved } = setup();
    click('Do not disturb');
    expect(images.at(-1)).toBe('do-not-disturb-dark');
    expect(saved).toEqual(['do-not-disturb']);
  });

  test('follows the call it is told about', () => {
    const { images, status } = setup();
    status.dispatch({ type: 'call-reported', report: { inCall: true, reconnecting: false, room: 'standup', audioMuted: false, screenSharing: true } });
    expect(images.at(-1)).toBe('presenting-dark');
  });

  test('shows away after the idle threshold, and back when the screen unlocks', () => {
    const { images, powerMonitor } = setup();
    powerMonitor.idleSeconds = 5 * 60;
    vi.advanceTimersByTime(IDLE_POLL_MS);
    expect(images.at(-1)).toBe('away-dark');
    powerMonitor.emit('unlock-screen');
    expect(images.at(-1)).toBe('available-dark');
  });

  test('redraws in the new variant when the system theme changes', () => {
    const { images, nativeTheme, setTheme } = setup();
    setTheme('light');
    nativeTheme.emit('updated');
    expect(images).toEqual(['available-dark', 'available-light']);
  });
});
