import { parseStoredCallPreferences, type CallPreferences, type CallPreferencesLoad } from '../../../shared/desktop/call-preferences.js';
import type { SavePreferences } from './preference-writer.js';
import type { Preferences } from './preferences.js';

/**
 * The call window's preferences in `settings.json`: the single-key switch
 * stays at `shortcuts.singleKeys`, where earlier versions kept it, and the
 * rest of the settings screen lives under `call`, read part by part so a
 * hand-edited mistake resets only that part.
 */
export function createCallPreferenceStore(preferences: { get(): Preferences }, savePreferences: SavePreferences) {
  return {
    get(): CallPreferencesLoad {
      const current = preferences.get();
      const stored = typeof current.call === 'object' && current.call !== null ? current.call : {};
      return parseStoredCallPreferences({ ...stored, singleKeyShortcuts: current.shortcuts.singleKeys });
    },
    save({ singleKeyShortcuts, ...call }: CallPreferences): Promise<void> {
      return savePreferences((current) => ({ ...current, shortcuts: { ...current.shortcuts, singleKeys: singleKeyShortcuts }, call }));
    },
  };
}
