import { CallPreferencesSchema, DEFAULT_CALL_PREFERENCES, type CallPreferences } from '../../../shared/desktop/call-preferences.js';

/** Where the web build keeps the call's preferences. */
export const CALL_PREFERENCES_KEY = 'confer:call-preferences';

/** Reads the preferences from local storage; anything unreadable or invalid gives the defaults. */
export function readCallPreferences(storage: Pick<Storage, 'getItem'> | null): CallPreferences {
  try {
    const raw = storage?.getItem(CALL_PREFERENCES_KEY);
    if (!raw) return DEFAULT_CALL_PREFERENCES;
    const parsed = CallPreferencesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_CALL_PREFERENCES;
  } catch {
    return DEFAULT_CALL_PREFERENCES;
  }
}

/** Writes them back, checked first; a full or forbidden storage fails the promise. */
export async function writeCallPreferences(storage: Pick<Storage, 'setItem'> | null, preferences: CallPreferences): Promise<void> {
  const valid = CallPreferencesSchema.parse(preferences);
  if (!storage) throw new Error('This browser keeps no local storage for Confer');
  storage.setItem(CALL_PREFERENCES_KEY, JSON.stringify(valid));
}
