import { describe, expect, test } from 'vitest';
import { CALL_PREFERENCES_KEY, readCallPreferences, writeCallPreferences } from './web-preferences.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe('call preferences in local storage', () => {
  test('a saved choice is read back', async () => {
    const storage = memoryStorage();
    await writeCallPreferences(storage, { singleKeyShortcuts: false });
    expect(readCallPreferences(storage)).toEqual({ singleKeyShortcuts: false });
  });

  test('nothing saved, bad JSON, a wrong shape or no storage at all give the defaults', () => {
    expect(readCallPreferences(memoryStorage())).toEqual({ singleKeyShortcuts: true });
    expect(readCallPreferences(memoryStorage({ [CALL_PREFERENCES_KEY]: '{oops' }))).toEqual({ singleKeyShortcuts: true });
    expect(readCallPreferences(memoryStorage({ [CALL_PREFERENCES_KEY]: '{"singleKeyShortcuts":"no"}' }))).toEqual({ singleKeyShortcuts: true });
    expect(readCallPreferences(memoryStorage({ [CALL_PREFERENCES_KEY]: '{"singleKeyShortcuts":false,"extra":1}' }))).toEqual({ singleKeyShortcuts: true });
    expect(readCallPreferences(null)).toEqual({ singleKeyShortcuts: true });
  });

  test('an invalid value is never written', async () => {
    const storage = memoryStorage();
    await expect(writeCallPreferences(storage, { singleKeyShortcuts: 'yes' } as unknown as { singleKeyShortcuts: boolean })).rejects.toThrow();
    expect(storage.items.size).toBe(0);
  });
});
