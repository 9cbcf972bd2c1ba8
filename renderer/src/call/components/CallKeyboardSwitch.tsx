import { useStore } from 'zustand';
import type { CallStore } from '../call-store.js';

/**
 * Turns the call's single-key shortcuts off and on. Someone using speech
 * input or a switch device can set off M, V or S by accident; the buttons
 * and the board's own keys (active only once the board has focus) stay.
 * The desktop shell's connection saves the choice.
 */
export function CallKeyboardSwitch({ store }: { readonly store: CallStore }) {
  const enabled = useStore(store, (state) => state.singleKeyShortcuts);
  return (
    <label className="call-keyboard-switch" title="M microphone, V camera, S screen share, L layout, H hand, I statistics">
      <input
        type="checkbox"
        data-testid="single-key-shortcuts"
        checked={enabled}
        // The user's own preference, not call state the engine derives: written here, saved by the shell connection.
        onChange={(event) => store.setState({ singleKeyShortcuts: event.target.checked })}
      />{' '}
      Single-key shortcuts
    </label>
  );
}
