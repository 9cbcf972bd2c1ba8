import type { JsonStore } from './json-store.js';
import type { Preferences } from './preferences.js';

export type SavePreferences = (change: (current: Preferences) => Preferences) => Promise<void>;

/** Settings writes never take the app down: a failed write is logged and the value stays in memory. */
export function createPreferenceWriter(
  preferences: Pick<JsonStore<Preferences>, 'update'>,
  logError: (message: string, error: unknown) => void,
): SavePreferences {
  return (change) => {
    try {
      return preferences.update(change).then(
        () => undefined,
        (error: unknown) => {
          logError('could not save settings', error);
        },
      );
    } catch (error) {
      logError('refused an invalid settings change', error);
      return Promise.resolve();
    }
  };
}
