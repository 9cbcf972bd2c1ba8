import type { NativeTheme } from 'electron';
import { watchIdle } from './idle-watcher.js';
import { initialPresence, reducePresence, type ChosenStatus, type PresenceInput, type PresenceState } from './presence-state.js';
import { createTrayController, type TrayControllerOptions } from './tray-controller.js';

export interface TrayStatusOptions extends TrayControllerOptions {
  readonly nativeTheme: Pick<NativeTheme, 'on'>;
  readonly powerMonitor: Parameters<typeof watchIdle>[0];
  readonly idleMinutes: number;
  /** The status the user chose last time. */
  readonly chosenStatus: ChosenStatus;
}

/**
 * The tray status: the presence state machine fed by the call, the user's
 * choice, idleness and the screen lock, shown in the tray after every
 * change and again when the system theme changes.
 */
export function createTrayStatus(options: TrayStatusOptions) {
  let state: PresenceState = initialPresence;
  const controller = createTrayController({
    ...options,
    actions: {
      ...options.actions,
      setStatus: (status) => {
        dispatch({ type: 'status-chosen', status });
        options.actions.setStatus(status);
      },
    },
  });
  function dispatch(input: PresenceInput): void {
    state = reducePresence(state, input);
    controller.render(state);
  }
  dispatch({ type: 'status-chosen', status: options.chosenStatus });
  options.nativeTheme.on('updated', () => controller.render(state));
  watchIdle(options.powerMonitor, options.idleMinutes * 60, (type) => dispatch({ type }));

  return {
    dispatch,
    /** Shows the current state again, after something the menu shows changed elsewhere. */
    render: () => controller.render(state),
    get state(): PresenceState {
      return state;
    },
  };
}

export type TrayStatus = ReturnType<typeof createTrayStatus>;
