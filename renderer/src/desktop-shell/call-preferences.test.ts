import { describe, expect, test } from 'vitest';
import type { CallPreferences } from '../../../shared/desktop/call-preferences.js';
import { createCallStore } from '../call/call-store.js';
import { connectCallPreferences } from './call-preferences.js';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the call preferences and the shell', () => {
  test('the saved choice is loaded into the call, and the user’s change is saved, once', async () => {
    const calls = createCallStore();
    const saved: CallPreferences[] = [];
    connectCallPreferences({ getCallPreferences: async () => ({ singleKeyShortcuts: false }), saveCallPreferences: async (preferences) => void saved.push(preferences) }, calls);
    await flush();
    expect(calls.getState().singleKeyShortcuts).toBe(false);
    expect(saved).toEqual([]);
    calls.setState({ singleKeyShortcuts: true });
    calls.setState({ roster: {} });
    expect(saved).toEqual([{ singleKeyShortcuts: true }]);
  });
});
