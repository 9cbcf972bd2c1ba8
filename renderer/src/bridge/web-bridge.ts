import type { ShellBridge, Unsubscribe } from '../../../shared/bridge.js';
import { RuntimeConfigSchema } from '../../../shared/config/runtime-config.js';
import { EMPTY_OVERLAY, type OverlayContent } from '../../../shared/desktop/overlay.js';
import { resolveLanguage } from '../../../shared/desktop/language.js';
import { createWebNotifications, type WebNotificationHost } from './web-notifications.js';
import { readCallPreferences, writeCallPreferences } from './web-preferences.js';

/** Where the web server publishes the runtime configuration, beside the page. */
export const WEB_CONFIG_PATH = 'config.json';

/** A browser has no tray, no deep links and its own screen picker: these events never come. */
const neverFires = (): Unsubscribe => () => undefined;

/** Local storage, or null where the browser refuses it (private modes, sandboxed frames). */
function localStorageOrNull(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The page's Notification API and focus, where there is a page. */
function notificationHost(): WebNotificationHost {
  return {
    ...(typeof Notification === 'undefined' ? {} : { Notification }),
    document: typeof document === 'undefined' ? { hasFocus: () => true } : document,
    focus: () => globalThis.focus?.(),
    language: () => resolveLanguage(null, typeof document === 'undefined' ? [] : [document.documentElement.lang]),
  };
}

/** The same bridge for a plain browser tab: configuration from the serving bridge. */
export function createWebBridge(baseUrl: string, notifications = createWebNotifications(notificationHost())): ShellBridge {
  // No overlay window in a browser: what would be sent to it comes straight back, so the
  // presenter sees it over their own preview (and tests can read it there).
  let overlay: OverlayContent = EMPTY_OVERLAY;
  const overlayListeners = new Set<(content: OverlayContent) => void>();
  return {
    kind: 'web',
    async getRuntimeConfig() {
      const response = await fetch(new URL(WEB_CONFIG_PATH, baseUrl), { cache: 'no-store' });
      if (!response.ok) throw new Error(`The server has no configuration for Confer (${response.status})`);
      const parsed = RuntimeConfigSchema.safeParse(await response.json());
      if (!parsed.success) throw new Error('The server’s configuration for Confer is invalid');
      return parsed.data;
    },
    announceReady: () => Promise.resolve(),
    // getDisplayMedia shows the browser's picker, so no request ever waits for ours.
    onCaptureRequested: neverFires,
    onCaptureEnded: neverFires,
    listCaptureSources: () => Promise.reject(new Error('The browser chooses what to share')),
    answerCapture: () => Promise.reject(new Error('The browser chooses what to share')),
    reportCall: (report) => {
      if (report.inCall) notifications.callStarted();
      return Promise.resolve();
    },
    onCallCommand: neverFires,
    // The web twin of a deep link is the ?room=…&join=1 launch URL.
    onDeepLinkJoin: neverFires,
    updateOverlay: (content) => {
      overlay = content;
      for (const listener of overlayListeners) listener(content);
      return Promise.resolve();
    },
    onOverlayContent: (listener) => {
      overlayListeners.add(listener);
      listener(overlay);
      return () => overlayListeners.delete(listener);
    },
    // The browser tab is the only window: there is no mini window.
    onCallStatus: neverFires,
    sendMiniWindowCommand: () => Promise.reject(new Error('There is no mini window in the browser')),
    notifyActivity: (activity) => {
      notifications.notify(activity);
      return Promise.resolve();
    },
    getCallPreferences: () => Promise.resolve(readCallPreferences(localStorageOrNull())),
    saveCallPreferences: (preferences) => writeCallPreferences(localStorageOrNull(), preferences),
  };
}
