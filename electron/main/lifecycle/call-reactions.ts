import type { CaptureSource } from '../../../shared/desktop/capture.js';
import type { CallCommand, CallReport } from '../../../shared/desktop/presence.js';

export interface CallReactionsOptions {
  /** Feeds the tray's state machine. */
  readonly presence: (report: CallReport) => void;
  readonly muteShortcut: { hold(): void; release(): void };
  readonly pushToTalk: boolean;
  readonly sendCommand: (command: CallCommand) => void;
  readonly overlay: { open(displayId: string): unknown; close(): void };
  /** Everything else that follows the call: the mini window, quit waiting for the leave. */
  readonly afterReport: (report: CallReport, ended: boolean) => void;
}

/**
 * What the main process does when the call window reports a change: the
 * tray follows, the mute shortcut is held only during a call, push to talk
 * starts muted, and the presenter overlay opens over the granted screen
 * once the share is live and closes with it.
 */
export function createCallReactions(options: CallReactionsOptions) {
  let inCall = false;
  let grantedDisplayId: string | null = null;

  return {
    /** The capture queue granted a source: remember its display if it is a screen. */
    granted(source: Pick<CaptureSource, 'kind' | 'displayId'>): void {
      grantedDisplayId = source.kind === 'screen' ? source.displayId : null;
    },
    report(report: CallReport): void {
      const started = report.inCall && !inCall;
      const ended = !report.inCall && inCall;
      inCall = report.inCall;
      options.presence(report);
      if (started) {
        options.muteShortcut.hold();
        if (options.pushToTalk) options.sendCommand({ kind: 'set-audio-muted', muted: true });
      }
      if (ended) options.muteShortcut.release();
      if (report.screenSharing && grantedDisplayId !== null) options.overlay.open(grantedDisplayId);
      if (!report.screenSharing) {
        grantedDisplayId = null;
        options.overlay.close();
      }
      options.afterReport(report, ended);
    },
  };
}
