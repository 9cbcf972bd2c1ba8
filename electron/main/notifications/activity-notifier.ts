import { notificationFor, type ActivityNotice, type SystemNotification } from '../../../shared/desktop/call-notification.js';
import type { ShellMessages } from '../../../shared/desktop/shell-messages.js';

export interface ActivityNotifierOptions {
  /** Whether the call window has focus now. */
  readonly isCallWindowFocused: () => boolean;
  /** Whether the user chose do-not-disturb in the tray. */
  readonly isDoNotDisturb: () => boolean;
  /** The shell's words in the user's language now. */
  readonly messages: () => ShellMessages;
  /** Shows a system notification (Electron's `Notification`); `onClick` when the user clicks it. */
  readonly show: (notification: SystemNotification, onClick: () => void) => void;
  /** Brings the call window forward. */
  readonly showCallWindow: () => void;
}

/**
 * What the call window reports others did (chat, a raised hand, someone
 * joining) becomes a system notification while the window is in the
 * background and the user is not in do-not-disturb; clicking it brings
 * the call back.
 */
export function createActivityNotifier(options: ActivityNotifierOptions) {
  return {
    /** Returns whether a notification was shown. */
    notify(activity: ActivityNotice): boolean {
      const notification = notificationFor(activity, { focused: options.isCallWindowFocused(), doNotDisturb: options.isDoNotDisturb() }, options.messages().notification);
      if (notification === null) return false;
      options.show(notification, options.showCallWindow);
      return true;
    },
  };
}

export type ActivityNotifier = ReturnType<typeof createActivityNotifier>;
