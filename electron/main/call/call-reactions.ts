import type { CaptureSource } from '../../../shared/desktop/capture.js';
import type { CallReport } from '../../../shared/desktop/call-report.js';

/** The call as the main process knows it when there is none. */
export const NO_CALL: CallReport = { inCall: false, reconnecting: false, room: null, audioMuted: false, screenSharing: false };

export interface CallReactionsOptions {
  /** Feeds the tray status. */
  readonly trayStatus: (report: CallReport) => void;
  readonly muteShortcut: { hold(): void; release(): void };
  readonly overlay: { open(displayId: string): unknown; close(): void };
  /** Everything else that follows the call: the mini window, quit waiting for the leave. */
  readonly afterReport: (report: CallReport, ended: boolean) => void;
}

/**
 * What the main process does when the call window reports a change: the
 * tray follows, the mute shortcut is held only during a call, and the
 * presenter overlay opens over the granted screen once the share is live
 * and closes with it. A call that reconnects is
 * still a call: the tray, the shortcut and the overlay stay, and an overlay
 * the reconnect interrupted returns with the share.
 */
export function createCallReactions(options: CallReactionsOptions) {
  let current = NO_CALL;
  let grantedDisplayId: string | null = null;

  return {
    /** The call as last reported; any report outside a call reads as no call at all. */
    get current(): CallReport {
      return current;
    },
    /** The capture queue granted a source: remember its display if it is a screen. */
    granted(source: Pick<CaptureSource, 'kind' | 'displayId'>): void {
      grantedDisplayId = source.kind === 'screen' ? source.displayId : null;
    },
    report(report: CallReport): void {
      const started = report.inCall && !current.inCall;
      const ended = !report.inCall && current.inCall;
      current = report.inCall ? report : NO_CALL;
      options.trayStatus(report);
      if (started) options.muteShortcut.hold();
      if (ended) options.muteShortcut.release();
      if (report.screenSharing && grantedDisplayId !== null) options.overlay.open(grantedDisplayId);
      if (!report.screenSharing) {
        options.overlay.close();
        // A share interrupted by a reconnect comes back with the same track, without a new grant: keep its display.
        if (!report.inCall || !report.reconnecting) grantedDisplayId = null;
      }
      options.afterReport(report, ended);
    },
  };
}
