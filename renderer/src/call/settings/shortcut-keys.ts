import { SHORTCUT_ACTIONS, ShortcutKeySchema, type ShortcutAction } from '../../../../shared/desktop/call-preferences.js';

export type ShortcutKeys = Readonly<Record<ShortcutAction, string>>;

/** Why a new key was refused: it is not a letter or digit, or another shortcut (or push-to-talk) has it. */
export type RemapResult =
  | { readonly ok: true; readonly keys: ShortcutKeys }
  | { readonly ok: false; readonly problem: 'invalid' }
  | { readonly ok: false; readonly problem: 'taken'; readonly by: ShortcutAction | 'pushToTalk' };

/** The `KeyboardEvent.code` a single-key shortcut's key is typed with on a US layout: how push-to-talk's key is compared. */
export function codeOfKey(key: string): string {
  return /^[0-9]$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`;
}

/**
 * Gives `action` the key `typed`. A key another shortcut or push-to-talk
 * already uses is refused and nothing changes, so no shortcut is ever lost.
 */
export function remapShortcut(keys: ShortcutKeys, action: ShortcutAction, typed: string, pushToTalkCode: string | null): RemapResult {
  const key = typed.toLowerCase();
  if (!ShortcutKeySchema.safeParse(key).success) return { ok: false, problem: 'invalid' };
  const owner = SHORTCUT_ACTIONS.find((other) => other !== action && keys[other] === key);
  if (owner) return { ok: false, problem: 'taken', by: owner };
  if (pushToTalkCode === codeOfKey(key)) return { ok: false, problem: 'taken', by: 'pushToTalk' };
  return { ok: true, keys: { ...keys, [action]: key } };
}

/** Push-to-talk may not take a key a single-key shortcut uses. */
export function pushToTalkConflict(keys: ShortcutKeys, code: string): ShortcutAction | null {
  return SHORTCUT_ACTIONS.find((action) => codeOfKey(keys[action]) === code) ?? null;
}

/** The action a key press means, or null. */
export function actionForKey(keys: ShortcutKeys, key: string): ShortcutAction | null {
  const pressed = key.toLowerCase();
  return SHORTCUT_ACTIONS.find((action) => keys[action] === pressed) ?? null;
}
