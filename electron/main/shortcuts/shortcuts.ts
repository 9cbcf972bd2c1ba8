import type { GlobalShortcut, Input } from 'electron';
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

/**
 * Push to talk while Confer's window has focus: the key held means
 * unmuted, released (or focus lost) means muted. Electron's global
 * shortcuts report presses but not releases, so this works through the
 * window's `before-input-event`, which sees both.
 */
export function createPushToTalk(key: string, setMuted: (muted: boolean) => void) {
  let held = false;
  const release = () => {
    if (!held) return;
    held = false;
    setMuted(true);
  };
  return {
    onInput(input: Pick<Input, 'type' | 'code' | 'isAutoRepeat'>): void {
      if (input.code !== key) return;
      if (input.type === 'keyDown' && !input.isAutoRepeat && !held) {
        held = true;
        setMuted(false);
      } else if (input.type === 'keyUp') {
        release();
      }
    },
    onBlur: release,
  };
}
