import type { ShellBridge, Unsubscribe } from '../../../shared/bridge.js';
import type { CallStore } from '../call/call-store.js';

/**
 * The call's preferences live with the shell (the desktop app's settings
 * file, the browser's local storage): loaded into the call store at start,
 * saved whenever the user changes them there.
 */
export function connectCallPreferences(bridge: Pick<ShellBridge, 'getCallPreferences' | 'saveCallPreferences'>, calls: Pick<CallStore, 'getState' | 'setState' | 'subscribe'>): Unsubscribe {
  let loaded = false;
  void bridge
    .getCallPreferences()
    .then((preferences) => calls.setState({ singleKeyShortcuts: preferences.singleKeyShortcuts }))
    .catch((error: unknown) => console.warn('could not read the call preferences', error))
    .finally(() => (loaded = true));
  return calls.subscribe((state, previous) => {
    // Until the saved choice is in, a change is the load itself, not the user's.
    if (!loaded || state.singleKeyShortcuts === previous.singleKeyShortcuts) return;
    bridge.saveCallPreferences({ singleKeyShortcuts: state.singleKeyShortcuts }).catch((error: unknown) => console.warn('could not save the call preferences', error));
  });
}
