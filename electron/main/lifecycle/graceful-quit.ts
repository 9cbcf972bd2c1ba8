/** Leaving sends a last message to the server; waiting longer than this would look like a hang. */
export const LEAVE_BEFORE_QUIT_TIMEOUT_MS = 3000;

export interface GracefulQuitOptions {
  readonly isInCall: () => boolean;
  /** Asks the call window to leave the call. */
  readonly requestLeave: () => void;
  /** Resolves once the call window reports it left. */
  readonly whenCallEnded: () => Promise<void>;
  readonly quit: () => void;
  readonly timeoutMs?: number;
}

/**
 * Quit (from the tray or the app menu) leaves the call first, so the
 * others see us go at once instead of after a server timeout. The first
 * quit attempt during a call is held back; the real quit follows the leave.
 */
export function createGracefulQuit(options: GracefulQuitOptions) {
  let quitting = false;
  let leaving: Promise<void> | null = null;

  function leaveThenQuit(): void {
    if (leaving) return;
    options.requestLeave();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, options.timeoutMs ?? LEAVE_BEFORE_QUIT_TIMEOUT_MS));
    leaving = Promise.race([options.whenCallEnded(), timeout]).then(() => {
      quitting = true;
      options.quit();
    });
  }

  return {
    get isQuitting(): boolean {
      return quitting;
    },
    /** Quit requested by the user (tray menu). */
    quit(): void {
      if (options.isInCall()) return leaveThenQuit();
      quitting = true;
      options.quit();
    },
    /** The `before-quit` handler: holds a quit that would drop a live call. */
    onBeforeQuit(event: { preventDefault(): void }): void {
      if (quitting) return;
      if (!options.isInCall()) {
        quitting = true;
        return;
      }
      event.preventDefault();
      leaveThenQuit();
    },
  };
}
