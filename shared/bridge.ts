import type { RuntimeConfig } from './config/runtime-config.js';
import type { CaptureChoice, CaptureEnded, CaptureRequested, CaptureSource } from './desktop/capture.js';
import type { ActivityNotice } from './desktop/call-notification.js';
import type { CallPreferences, CallPreferencesLoad } from './desktop/call-preferences.js';
import type { DeepLinkOpen } from './desktop/deep-link.js';
import type { OverlayContent } from './desktop/overlay.js';
import type { CallCommand, CallReport, MiniWindowCommand } from './desktop/call-report.js';
import type { IpcChannelKey, IpcRequest, IpcResponse } from './ipc/channels.js';
import type { WindowEventKey, WindowEventSubscriber } from './ipc/names.js';
import type { IpcResult } from './ipc/result.js';

/** Stops a subscription. */
export type Unsubscribe = () => void;

/**
 * What the preload puts on `window.conferBridge`: one function per channel,
 * each returning a plain result, and one `on<Event>` per main→renderer event.
 * Event payloads arrive unvalidated: the host checks them against their schema.
 */
export type PreloadBridge = {
  readonly [K in IpcChannelKey]: (request: IpcRequest<K>) => Promise<IpcResult<IpcResponse<K>>>;
} & {
  readonly [K in WindowEventKey as WindowEventSubscriber<K>]: (listener: (payload: unknown) => void) => Unsubscribe;
};

export const PRELOAD_BRIDGE_KEY = 'conferBridge';

/**
 * What the renderer's features use. Electron implements it over IPC; the web
 * build implements it with browser APIs and the server's `/config.json`
 * (no tray, no deep links, and the browser's own screen picker: those
 * subscriptions never fire there).
 */
export interface ShellBridge {
  readonly kind: 'electron' | 'web';
  getRuntimeConfig(): Promise<RuntimeConfig>;
  /** Call once subscribed: events sent while the page loaded are sent again. */
  announceReady(): Promise<void>;
  /** Screen-share requests that wait for the in-app picker. */
  onCaptureRequested(listener: (request: CaptureRequested) => void): Unsubscribe;
  onCaptureEnded(listener: (ended: CaptureEnded) => void): Unsubscribe;
  listCaptureSources(requestId: string): Promise<readonly CaptureSource[]>;
  answerCapture(requestId: string, choice: CaptureChoice | null): Promise<void>;
  /** Tells the desktop shell what the call is doing (tray, close-to-tray, overlay). */
  reportCall(report: CallReport): Promise<void>;
  /** Tray, shortcut and mini-window commands for the call. */
  onCallCommand(listener: (command: CallCommand) => void): Unsubscribe;
  onDeepLinkJoin(listener: (link: DeepLinkOpen) => void): Unsubscribe;
  /** Something others did in the call: a system notification when the window is not focused and do-not-disturb is off. */
  notifyActivity(activity: ActivityNotice): Promise<void>;
  /** The call's preferences (the settings file in the desktop app, local storage on the web), with the parts that had to be reset… */
  getCallPreferences(): Promise<CallPreferencesLoad>;
  /** …and saving them. */
  saveCallPreferences(preferences: CallPreferences): Promise<void>;
  /** Content for the presenter overlay (sent by the call window)… */
  updateOverlay(content: OverlayContent): Promise<void>;
  /** …and received by the overlay window. */
  onOverlayContent(listener: (content: OverlayContent) => void): Unsubscribe;
  /** The mini call window follows the call… */
  onCallStatus(listener: (report: CallReport) => void): Unsubscribe;
  /** …and its buttons act on it. */
  sendMiniWindowCommand(command: MiniWindowCommand): Promise<void>;
}
