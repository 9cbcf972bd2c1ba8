import type { ShellBridge, Unsubscribe } from '../../../shared/bridge.js';
import { CallPreferencesSchema, DEFAULT_CALL_PREFERENCES, type CallPreferences, type CallPreferencesLoad } from '../../../shared/desktop/call-preferences.js';
import type { CallState, CallStore } from '../call/call-store.js';

const PREFERENCE_KEYS = Object.keys(DEFAULT_CALL_PREFERENCES) as (keyof CallPreferences)[];

/** The preferences part of the call's state. */
export function preferencesOf(state: CallState): CallPreferences {
  return Object.fromEntries(PREFERENCE_KEYS.map((key) => [key, state[key]])) as unknown as CallPreferences;
}

function changed(state: CallState, previous: CallState): boolean {
  return PREFERENCE_KEYS.some((key) => state[key] !== previous[key]);
}

/**
 * The call's preferences live with the shell (the desktop app's settings
 * file, the browser's local storage): `load` (read before the meeting is
 * made, since the servers come from it) goes into the call store, and
 * every change the user makes there is saved. Parts that were unreadable
 * are named in `preferencesReset`, for the notice.
 */
export function connectCallPreferences(bridge: Pick<ShellBridge, 'saveCallPreferences'>, calls: Pick<CallStore, 'setState' | 'subscribe'>, load: CallPreferencesLoad): Unsubscribe {
  calls.setState({ ...load.preferences, preferencesReset: load.reset });
  return calls.subscribe((state, previous) => {
    if (!changed(state, previous)) return;
    const preferences = CallPreferencesSchema.safeParse(preferencesOf(state));
    if (!preferences.success) {
      console.warn('refused to save invalid call preferences', preferences.error);
      return;
    }
    bridge.saveCallPreferences(preferences.data).catch((error: unknown) => console.warn('could not save the call preferences', error));
  });
}
