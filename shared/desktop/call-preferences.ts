import { z } from 'zod';

/**
 * What the user chose about the call's keyboard, kept by the desktop app in
 * its settings file and by the web build in local storage.
 */
export const CallPreferencesSchema = z.strictObject({
  /** The call's single-key shortcuts (M, V, S, L, H, I); off, those keys do nothing in the call. */
  singleKeyShortcuts: z.boolean(),
});
export type CallPreferences = z.infer<typeof CallPreferencesSchema>;

export const DEFAULT_CALL_PREFERENCES: CallPreferences = { singleKeyShortcuts: true };
