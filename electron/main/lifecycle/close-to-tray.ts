/**
 * Closing the call window during a call hides it instead of hanging up;
 * the first time, a notice says where the call went. Outside a call, or
 * while quitting, the window closes normally.
 */
export interface CloseToTrayOptions {
  readonly isInCall: () => boolean;
  readonly isQuitting: () => boolean;
  readonly hide: () => void;
  /** Whether the one-time notice was already shown (persisted in the settings). */
  readonly noticeShown: () => boolean;
  readonly showNotice: () => void;
}

export function createCloseHandler(options: CloseToTrayOptions): (event: { preventDefault(): void }) => void {
  return (event) => {
    if (options.isQuitting() || !options.isInCall()) return;
    event.preventDefault();
    options.hide();
    if (!options.noticeShown()) options.showNotice();
  };
}
