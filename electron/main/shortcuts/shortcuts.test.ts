import type { GlobalShortcut } from 'electron';
import { describe, expect, test } from 'vitest';
import { registerMuteShortcut } from './shortcuts.js';

function fakeGlobalShortcut(behaviour: 'ok' | 'taken' | 'throws') {
  const registered = new Map<string, () => void>();
  const double: Pick<GlobalShortcut, 'register' | 'unregister'> = {
    register: (accelerator, callback) => {
      if (behaviour === 'throws') throw new Error('conversion failure');
      if (behaviour === 'taken') return false;
      registered.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator) => void registered.delete(accelerator),
  };
  return { double, registered };
}

describe('global mute shortcut', () => {
  test('registers the configured accelerator and unregisters it', () => {
    const { double, registered } = fakeGlobalShortcut('ok');
    let presses = 0;
    const registration = registerMuteShortcut(double, 'CommandOrControl+Shift+M', () => presses++);
    registered.get('CommandOrControl+Shift+M')?.();
    expect(presses).toBe(1);
    expect(registration.ok).toBe(true);
    if (registration.ok) registration.unregister();
    expect(registered.size).toBe(0);
  });

  test.each([
    ['taken', /taken by another application/],
    ['throws', /not valid/],
  ] as const)('a shortcut that is %s is reported, not thrown', (behaviour, problem) => {
    const registration = registerMuteShortcut(fakeGlobalShortcut(behaviour).double, 'Ctrl+M', () => undefined);
    expect(registration.ok).toBe(false);
    expect(!registration.ok && registration.problem).toMatch(problem);
  });

  test('no accelerator means no shortcut', () => {
    const { double, registered } = fakeGlobalShortcut('ok');
    expect(registerMuteShortcut(double, null, () => undefined).ok).toBe(true);
    expect(registered.size).toBe(0);
  });
});
