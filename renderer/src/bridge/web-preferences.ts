import { CallPreferencesSchema, parseStoredCallPreferences, type CallPreferences, type CallPreferencesLoad } from '../../../shared/desktop/call-preferences.js';

/** Where the web build keeps the call's preferences. */
export const CALL_PREFERENCES_KEY = 'confer:call-preferences';

/** Reads the preferences from local storage, part by part; unreadable parts come back as defaults, listed in `reset`. */
export function readCallPreferences(storage: Pick<Storage, 'getItem'> | null): CallPreferencesLoad {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(CALL_PREFERENCES_KEY) ?? null;
  } catch {
    // A storage the browser forbids is like an empty one: nothing was lost.
  }
  if (!raw) return parseStoredCallPreferences(undefined);
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    stored = raw;
  }
  return parseStoredCallPreferences(stored);
}

/** Writes them back, checked first; a full or forbidden storage fails the promise. */
export async function writeCallPreferences(storage: Pick<Storage, 'setItem'> | null, preferences: CallPreferences): Promise<void> {
  const valid = CallPreferencesSchema.parse(preferences);
  if (!storage) throw new Error('This browser keeps no local storage for Confer');
  storage.setItem(CALL_PREFERENCES_KEY, JSON.stringify(valid));
}
