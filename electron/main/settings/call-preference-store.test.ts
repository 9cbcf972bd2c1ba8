import { describe, expect, test } from 'vitest';
import { DEFAULT_CALL_PREFERENCES } from '../../../shared/desktop/call-preferences.js';
import { createCallPreferenceStore } from './call-preference-store.js';
import { PreferencesSchema, type Preferences } from './preferences.js';

function memoryPreferences(initial: unknown) {
  let current: Preferences = PreferencesSchema.parse(initial);
  const save = async (change: (preferences: Preferences) => Preferences) => void (current = PreferencesSchema.parse(change(current)));
  return { store: createCallPreferenceStore({ get: () => current }, save), file: () => current };
}

describe('the call preferences in settings.json', () => {
  test('an older file keeps its single-key switch and gets the other defaults', () => {
    const { store } = memoryPreferences({ shortcuts: { singleKeys: false } });
    expect(store.get()).toEqual({ preferences: { ...DEFAULT_CALL_PREFERENCES, singleKeyShortcuts: false }, reset: [] });
  });

  test('a save puts the switch where it always was and the rest under call, and reads back the same', async () => {
    const { store, file } = memoryPreferences({});
    const chosen = { ...DEFAULT_CALL_PREFERENCES, singleKeyShortcuts: false, language: 'de' as const };
    await store.save(chosen);
    expect(file().shortcuts.singleKeys).toBe(false);
    expect(file().call).toMatchObject({ language: 'de' });
    expect(store.get()).toEqual({ preferences: chosen, reset: [] });
  });

  test('an earlier version’s main-process push-to-talk becomes the call window’s, and the first save drops it', async () => {
    const { store, file } = memoryPreferences({ shortcuts: { pushToTalk: { enabled: true, key: 'F9' } } });
    expect(store.get().preferences.pushToTalk).toEqual({ enabled: true, code: 'F9' });
    await store.save({ ...store.get().preferences, pushToTalk: { enabled: false, code: 'F9' } });
    expect(file().shortcuts.pushToTalk).toBeUndefined();
    expect(store.get().preferences.pushToTalk).toEqual({ enabled: false, code: 'F9' });
  });

  test('a carried-over key the call window cannot use resets push-to-talk alone and says so', () => {
    const { store } = memoryPreferences({ shortcuts: { pushToTalk: { enabled: true, key: 'Shift+F9' } }, call: { language: 'de' } });
    expect(store.get()).toEqual({ preferences: { ...DEFAULT_CALL_PREFERENCES, language: 'de' }, reset: ['pushToTalk'] });
  });

  test('a hand-edited mistake in one part resets that part and names it', () => {
    const { store } = memoryPreferences({ call: { mirrorPreview: 'yes', language: 'de' } });
    expect(store.get()).toEqual({ preferences: { ...DEFAULT_CALL_PREFERENCES, language: 'de' }, reset: ['mirrorPreview'] });
  });
});
