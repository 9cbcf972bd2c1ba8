import { describe, expect, test } from 'vitest';
import { DEFAULT_CALL_PREFERENCES, type CallPreferences } from '../../../shared/desktop/call-preferences.js';
import { createCallStore } from '../call/call-store.js';
import { connectCallPreferences } from './call-preferences.js';

describe('the call preferences and the shell', () => {
  test('the saved choice is loaded into the call, and the user’s change is saved, once', () => {
    const calls = createCallStore();
    const saved: CallPreferences[] = [];
    connectCallPreferences({ saveCallPreferences: async (preferences) => void saved.push(preferences) }, calls, { preferences: { ...DEFAULT_CALL_PREFERENCES, singleKeyShortcuts: false }, reset: [] });
    expect(calls.getState().singleKeyShortcuts).toBe(false);
    expect(saved).toEqual([]);
    calls.setState({ singleKeyShortcuts: true });
    calls.setState({ roster: {} });
    expect(saved).toEqual([{ ...DEFAULT_CALL_PREFERENCES, singleKeyShortcuts: true }]);
  });

  test('parts reset on load are named for the notice, and an invalid change is never saved', () => {
    const calls = createCallStore();
    const saved: CallPreferences[] = [];
    connectCallPreferences({ saveCallPreferences: async (preferences) => void saved.push(preferences) }, calls, { preferences: DEFAULT_CALL_PREFERENCES, reset: ['shortcutKeys'] });
    expect(calls.getState().preferencesReset).toEqual(['shortcutKeys']);
    calls.setState({ servers: { janusUrl: 'not a url', signalingUrls: null } });
    expect(saved).toEqual([]);
  });
});
