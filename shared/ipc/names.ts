/**
 * The name of every IPC channel and main-to-window event, without their schemas. The
 * preload needs only these: keeping zod and the schemas out of it keeps each
 * window's start-up light. `channels.ts` and `events.ts` attach the schemas
 * to exactly these keys.
 */
export const IPC_CHANNEL_NAMES = {
  getRuntimeConfig: 'config:get-runtime',
  getAppInfo: 'app:get-info',
  listCaptureSources: 'capture:list-sources',
  answerCapture: 'capture:answer',
  reportCall: 'call:report',
  updateOverlay: 'overlay:update',
  announceReady: 'window:ready',
  sendMiniWindowCommand: 'mini:command',
  notifyActivity: 'call:notify-activity',
  getCallPreferences: 'preferences:get-call',
  saveCallPreferences: 'preferences:save-call',
} as const;

export type IpcChannelKey = keyof typeof IPC_CHANNEL_NAMES;

export const WINDOW_EVENT_NAMES = {
  captureRequested: 'capture:requested',
  captureEnded: 'capture:ended',
  callCommand: 'call:command',
  deepLinkJoin: 'deep-link:join',
  overlayContent: 'overlay:content',
  callStatus: 'call:status',
} as const;

export type WindowEventKey = keyof typeof WINDOW_EVENT_NAMES;

/** `captureRequested` → `onCaptureRequested`: the preload function that subscribes to an event. */
export type WindowEventSubscriber<K extends WindowEventKey> = `on${Capitalize<K>}`;

export function subscriberName<K extends WindowEventKey>(key: K): WindowEventSubscriber<K> {
  return `on${key.charAt(0).toUpperCase()}${key.slice(1)}` as WindowEventSubscriber<K>;
}
