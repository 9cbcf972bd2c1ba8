import { describe, expect, test } from 'vitest';
import { DEFAULT_CALL_PREFERENCES } from '../../../shared/desktop/call-preferences.js';
import { CALL_PREFERENCES_KEY, readCallPreferences, writeCallPreferences } from './web-preferences.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

const defaults = { preferences: DEFAULT_CALL_PREFERENCES, reset: [] };

describe('call preferences in local storage', () => {
  test('a saved choice is read back', async () => {
    const storage = memoryStorage();
    await writeCallPreferences(storage, { ...DEFAULT_CALL_PREFERENCES, singleKeyShortcuts: false, mirrorPreview: false });
    expect(readCallPreferences(storage)).toEqual({ preferences: { ...DEFAULT_CALL_PREFERENCES, singleKeyShortcuts: false, mirrorPreview: false }, reset: [] });
  });

  test('nothing saved, or no storage at all, give the defaults and no notice', () => {
    expect(readCallPreferences(memoryStorage())).toEqual(defaults);
    expect(readCallPreferences(null)).toEqual(defaults);
  });

  test('an older value (only the single-key switch) keeps it and fills the rest', () => {
    expect(readCallPreferences(memoryStorage({ [CALL_PREFERENCES_KEY]: '{"singleKeyShortcuts":false}' }))).toEqual({ preferences: { ...DEFAULT_CALL_PREFERENCES, singleKeyShortcuts: false }, reset: [] });
  });

  test('bad JSON resets everything, and says so', () => {
    const load = readCallPreferences(memoryStorage({ [CALL_PREFERENCES_KEY]: '{oops' }));
    expect(load.preferences).toEqual(DEFAULT_CALL_PREFERENCES);
    expect(load.reset).toContain('singleKeyShortcuts');
  });

  test('one corrupt part is reset alone and named; the others are kept', () => {
    const stored = JSON.stringify({ singleKeyShortcuts: 'no', mirrorPreview: false, shortcutKeys: { ...DEFAULT_CALL_PREFERENCES.shortcutKeys, camera: 'm' } });
    expect(readCallPreferences(memoryStorage({ [CALL_PREFERENCES_KEY]: stored }))).toEqual({ preferences: { ...DEFAULT_CALL_PREFERENCES, mirrorPreview: false }, reset: ['singleKeyShortcuts', 'shortcutKeys'] });
  });

  test('an invalid value is never written', async () => {
    const storage = memoryStorage();
    await expect(writeCallPreferences(storage, { ...DEFAULT_CALL_PREFERENCES, servers: { janusUrl: 'http://x', signalingUrls: null } })).rejects.toThrow();
    expect(storage.items.size).toBe(0);
  });
});
