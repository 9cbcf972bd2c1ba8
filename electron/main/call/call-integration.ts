import type { GlobalShortcut } from 'electron';
import type { CallCommand, CallReport } from '../../../shared/desktop/call-report.js';
import { registerMuteShortcut } from '../shortcuts/shortcuts.js';
import { createCallReactions, type CallReactionsOptions } from './call-reactions.js';

export interface CallIntegrationOptions {
  readonly globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
  /** The mute shortcut's accelerator, read when each call starts; null for none. */
  readonly muteAccelerator: () => string | null;
  /** Sends a command to the call window. */
  readonly sendCommand: (command: CallCommand) => void;
  readonly trayStatus: CallReactionsOptions['trayStatus'];
  readonly overlay: CallReactionsOptions['overlay'];
  /** The windows that follow the call (the mini window), told after every report. */
  readonly followReport: (report: CallReport) => void;
  readonly log: (message: string) => void;
}

/**
 * What the main process does about the call the call window reports: the
 * reactions (tray, overlay) with the global
 * mute shortcut registered for the length of each call, and a way for
 * quitting to wait until the call has ended.
 */
export function createCallIntegration(options: CallIntegrationOptions) {
  const endedWaiters: (() => void)[] = [];
  let unregisterMuteShortcut: (() => void) | null = null;

  function holdMuteShortcut(): void {
    const registration = registerMuteShortcut(options.globalShortcut, options.muteAccelerator(), () =>
      options.sendCommand({ kind: 'toggle-audio' }),
    );
    if (registration.ok) unregisterMuteShortcut = registration.unregister;
    else options.log(registration.problem);
  }
  function releaseMuteShortcut(): void {
    unregisterMuteShortcut?.();
    unregisterMuteShortcut = null;
  }

  const reactions = createCallReactions({
    trayStatus: options.trayStatus,
    muteShortcut: { hold: holdMuteShortcut, release: releaseMuteShortcut },
    overlay: options.overlay,
    afterReport: (report, ended) => {
      if (ended) for (const resolve of endedWaiters.splice(0)) resolve();
      options.followReport(report);
    },
  });

  return {
    report: reactions.report,
    granted: reactions.granted,
    get current(): CallReport {
      return reactions.current;
    },
    get inCall(): boolean {
      return reactions.current.inCall;
    },
    /** Resolves when the call window next reports that the call ended. */
    whenEnded: (): Promise<void> => new Promise<void>((resolve) => endedWaiters.push(resolve)),
  };
}

export type CallIntegration = ReturnType<typeof createCallIntegration>;
