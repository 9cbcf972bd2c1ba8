import type { GlobalShortcut } from 'electron';
import type { Unsubscribe } from '../../../shared/bridge.js';

export type ShortcutRegistration = { readonly ok: true; readonly unregister: Unsubscribe } | { readonly ok: false; readonly problem: string };

/**
 * Registers the global mute shortcut. Another app may own the accelerator,
 * or the settings may hold one Electron cannot parse: both are reported,
 * never thrown, so a bad shortcut cannot stop the app from starting.
 */
export function registerMuteShortcut(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
  accelerator: string | null,
  onPress: () => void,
): ShortcutRegistration {
  if (accelerator === null) return { ok: true, unregister: () => undefined };
  let registered: boolean;
  try {
    registered = globalShortcut.register(accelerator, onPress);
  } catch (error) {
    return { ok: false, problem: `the mute shortcut "${accelerator}" is not valid (${(error as Error).message})` };
  }
  if (!registered) return { ok: false, problem: `the mute shortcut "${accelerator}" is taken by another application` };
  return { ok: true, unregister: () => globalShortcut.unregister(accelerator) };
}
