import { describe, expect, test } from 'vitest';
import { createPreferenceWriter } from './preference-writer.js';
import { PreferencesSchema, type Preferences } from './preferences.js';

const defaults: Preferences = PreferencesSchema.parse({});

describe('preference writer', () => {
  test('passes the change to the store', async () => {
    const changes: Preferences[] = [];
    const save = createPreferenceWriter({ update: async (change) => changes[changes.push(change(defaults)) - 1] as Preferences }, () => undefined);
    await save((current) => ({ ...current, closeToTrayNoticeShown: true }));
    expect(changes).toEqual([{ ...defaults, closeToTrayNoticeShown: true }]);
  });

  test('a failed write is logged, never thrown', async () => {
    const logged: string[] = [];
    const save = createPreferenceWriter({ update: () => Promise.reject(new Error('disk full')) }, (message, error) =>
      logged.push(`${message}: ${(error as Error).message}`),
    );
    await expect(save((current) => current)).resolves.toBeUndefined();
    expect(logged).toEqual(['could not save settings: disk full']);
  });

  test('a change the schema refuses is logged, never thrown', async () => {
    const logged: string[] = [];
    const save = createPreferenceWriter(
      {
        update: () => {
          throw new Error('presence.idleMinutes: too small');
        },
      },
      (message) => logged.push(message),
    );
    await expect(save((current) => current)).resolves.toBeUndefined();
    expect(logged).toEqual(['refused an invalid settings change']);
  });
});
