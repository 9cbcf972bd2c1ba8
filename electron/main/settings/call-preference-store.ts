import { parseStoredCallPreferences, type CallPreferences, type CallPreferencesLoad } from '../../../shared/desktop/call-preferences.js';
import type { SavePreferences } from './preference-writer.js';
import type { Preferences } from './preferences.js';

/**
 * The call window's preferences in `settings.json`: the single-key switch
 * stays at `shortcuts.singleKeys`, where earlier versions kept it, and the
 * rest of the settings screen lives under `call`, read part by part so a
 * hand-edited mistake resets only that part. An earlier version's
 * `shortcuts.pushToTalk` becomes the call window's push-to-talk until the
 * settings screen saves one, and the first save drops it.
 */
export function storedCallPreferences(current: Preferences): CallPreferencesLoad {
  const stored: Record<string, unknown> = typeof current.call === 'object' && current.call !== null ? { ...current.call } : {};
  const legacy = current.shortcuts.pushToTalk;
  if (legacy && !('pushToTalk' in stored)) stored.pushToTalk = { enabled: legacy.enabled, code: legacy.key };
  return parseStoredCallPreferences({ ...stored, singleKeyShortcuts: current.shortcuts.singleKeys });
}

/** Reads and saves the call window's preferences in `settings.json` (see `storedCallPreferences`). */
export function createCallPreferenceStore(preferences: { get(): Preferences }, savePreferences: SavePreferences) {
  return {
    get: (): CallPreferencesLoad => storedCallPreferences(preferences.get()),
    save({ singleKeyShortcuts, ...call }: CallPreferences): Promise<void> {
      return savePreferences((current) => {
        const { pushToTalk: _carriedOver, ...shortcuts } = current.shortcuts;
        return { ...current, shortcuts: { ...shortcuts, singleKeys: singleKeyShortcuts }, call };
      });
    },
  };
}
