import { z } from 'zod';

const websocketUrl = z.url({ protocol: /^wss?$/, error: 'must be a ws:// or wss:// URL' });

/** The call's single-key shortcuts, by what they do. */
export const SHORTCUT_ACTIONS = ['microphone', 'camera', 'screen', 'layout', 'whiteboard', 'hand', 'statistics'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

/** One printable key, as `KeyboardEvent.key` gives it lowercased: a letter or a digit. */
export const ShortcutKeySchema = z.string().regex(/^[a-z0-9]$/, 'a single letter or digit');

export const DEFAULT_SHORTCUT_KEYS: Readonly<Record<ShortcutAction, string>> = { microphone: 'm', camera: 'v', screen: 's', layout: 'l', whiteboard: 'w', hand: 'h', statistics: 'i' };

const ShortcutKeysSchema = z.strictObject(Object.fromEntries(SHORTCUT_ACTIONS.map((action) => [action, ShortcutKeySchema])) as Record<ShortcutAction, typeof ShortcutKeySchema>).refine((keys) => new Set(Object.values(keys)).size === SHORTCUT_ACTIONS.length, 'two shortcuts share a key');

/** A device the user picked, remembered by id and by label (the label is what we tell them). */
const PreferredDeviceSchema = z.strictObject({ deviceId: z.string().min(1).max(512), label: z.string().max(256) }).nullable();

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Each part of the preferences on its own: a part that is corrupt on disk
 * falls back to its defaults alone (see parseStoredCallPreferences).
 */
const sections = {
  /** The call's single-key shortcuts; off, those keys do nothing in the call. */
  singleKeyShortcuts: z.boolean(),
  shortcutKeys: ShortcutKeysSchema,
  /** While muted, holding this key (a `KeyboardEvent.code`) unmutes; releasing it mutes again. */
  pushToTalk: z.strictObject({ enabled: z.boolean(), code: z.string().regex(/^[A-Za-z0-9]{1,32}$/) }),
  audioProcessing: z.strictObject({ noiseSuppression: z.boolean(), echoCancellation: z.boolean(), autoGainControl: z.boolean() }),
  /** Shows our own camera mirrored on the self tile and the previews; what others get is never mirrored. */
  mirrorPreview: z.boolean(),
  devices: z.strictObject({ microphone: PreferredDeviceSchema, camera: PreferredDeviceSchema, speaker: PreferredDeviceSchema }),
  /** null follows the system's language (`navigator.language`). */
  language: z.enum(LANGUAGES).nullable(),
  /** The user's own servers instead of the configured ones; null keeps the configuration's. */
  servers: z.strictObject({ janusUrl: websocketUrl.nullable(), signalingUrls: z.array(websocketUrl).min(1).max(8).nullable() }),
};

export type CallPreferenceSection = keyof typeof sections;

/**
 * What the user chose about the call, kept by the desktop app in its
 * settings file and by the web build in local storage.
 */
export const CallPreferencesSchema = z.strictObject(sections);
export type CallPreferences = z.infer<typeof CallPreferencesSchema>;

export const DEFAULT_CALL_PREFERENCES: CallPreferences = {
  singleKeyShortcuts: true,
  shortcutKeys: DEFAULT_SHORTCUT_KEYS,
  pushToTalk: { enabled: false, code: 'Space' },
  audioProcessing: { noiseSuppression: true, echoCancellation: true, autoGainControl: true },
  mirrorPreview: true,
  devices: { microphone: null, camera: null, speaker: null },
  language: null,
  servers: { janusUrl: null, signalingUrls: null },
};

/** The preferences as loaded, and which parts were unreadable and are back to their defaults. */
export const CallPreferencesLoadSchema = z.strictObject({
  preferences: CallPreferencesSchema,
  reset: z.array(z.enum(Object.keys(sections) as [CallPreferenceSection, ...CallPreferenceSection[]])),
});
export type CallPreferencesLoad = z.infer<typeof CallPreferencesLoadSchema>;

/**
 * Reads what was stored, part by part: a missing part is its default (an
 * older file), an invalid part is its default and is listed in `reset`, so
 * the user hears that something was lost, and the rest is kept.
 */
export function parseStoredCallPreferences(stored: unknown): CallPreferencesLoad {
  if (stored === undefined || stored === null) return { preferences: DEFAULT_CALL_PREFERENCES, reset: [] };
  const keys = Object.keys(sections) as CallPreferenceSection[];
  if (typeof stored !== 'object' || Array.isArray(stored)) return { preferences: DEFAULT_CALL_PREFERENCES, reset: keys };
  const record = stored as Record<string, unknown>;
  const preferences: Record<string, unknown> = { ...DEFAULT_CALL_PREFERENCES };
  const reset: CallPreferenceSection[] = [];
  for (const key of keys) {
    if (record[key] === undefined) continue;
    const parsed = sections[key].safeParse(record[key]);
    if (parsed.success) preferences[key] = parsed.data;
    else reset.push(key);
  }
  return { preferences: CallPreferencesSchema.parse(preferences), reset };
}
