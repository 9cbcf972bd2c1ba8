import { notificationFor, type ActivityNotice } from '../../../shared/desktop/call-notification.js';
import type { Language } from '../../../shared/desktop/call-preferences.js';
import { SHELL_MESSAGES } from '../../../shared/desktop/shell-messages.js';

/** What the web build needs of the page: the Notification API (absent in some browsers) and focus. */
export interface WebNotificationHost {
  readonly Notification?: Pick<typeof Notification, 'permission' | 'requestPermission'> &
    (new (title: string, options: NotificationOptions) => Pick<Notification, 'onclick'>);
  readonly document: Pick<Document, 'hasFocus'>;
  focus(): void;
  /** The language the page shows (`followLanguage` keeps it on the user's). */
  language(): Language;
}

/**
 * The web build's notifications: the browser's Notification API, only once
 * the user permitted it, and only while the tab is not focused. A browser
 * tab has no do-not-disturb of its own (the system's applies).
 */
export function createWebNotifications(host: WebNotificationHost) {
  let asked = false;
  return {
    /** Asks for permission once, when a call starts; a refusal is final. */
    callStarted(): void {
      const api = host.Notification;
      if (!api || asked || api.permission !== 'default') return;
      asked = true;
      void api.requestPermission().catch(() => undefined);
    },
    notify(activity: ActivityNotice): boolean {
      const api = host.Notification;
      if (api?.permission !== 'granted') return false;
      const notification = notificationFor(activity, { focused: host.document.hasFocus(), doNotDisturb: false }, SHELL_MESSAGES[host.language()].notification);
      if (notification === null) return false;
      const shown = new api(notification.title, { body: notification.body });
      shown.onclick = () => host.focus();
      return true;
    },
  };
}
