import type { IpcMain } from 'electron';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import type { ActivityNotice } from '../../../shared/desktop/call-notification.js';
import type { CallPreferences, CallPreferencesLoad } from '../../../shared/desktop/call-preferences.js';
import type { CaptureChoice, CaptureSource } from '../../../shared/desktop/capture.js';
import type { OverlayContent } from '../../../shared/desktop/overlay.js';
import type { CallCommand, CallReport } from '../../../shared/desktop/call-report.js';
import type { WindowEventKey, WindowEventPayload } from '../../../shared/ipc/events.js';
import { isAppTopFrame } from '../security/app-origin.js';
import type { RegisteredWindow, WindowRegistry, WindowRole } from '../window/window-registry.js';
import { createIpcRouter, registerIpcRouter, type IpcHandlers, type SenderFrame } from './ipc-router.js';

/** The parts of the app the renderer's calls reach. */
export interface IpcHandlerParts {
  readonly runtimeConfig: RuntimeConfig;
  readonly appInfo: () => { readonly name: string; readonly version: string; readonly platform: string };
  readonly windows: Pick<WindowRegistry<RegisteredWindow>, 'require' | 'roleOf'>;
  readonly capture: {
    listSources(frame: SenderFrame, requestId: string): Promise<CaptureSource[]>;
    answer(frame: SenderFrame, requestId: string, choice: CaptureChoice | null): void;
  };
  readonly call: { report(report: CallReport): void; readonly current: CallReport };
  readonly overlay: { update(content: OverlayContent): void; readonly content: OverlayContent };
  /** The call window loaded: deep links that waited can be delivered. */
  readonly callWindowReady: () => void;
  readonly send: <K extends WindowEventKey>(role: WindowRole, key: K, payload: WindowEventPayload<K>) => void;
  readonly showMainWindow: () => void;
  readonly sendCallCommand: (command: CallCommand) => void;
  readonly notifier: { notify(activity: ActivityNotice): unknown };
  readonly callPreferences: { get(): CallPreferencesLoad; save(preferences: CallPreferences): Promise<void> };
}

/**
 * What each IPC channel does. The router has already checked the origin
 * and the payload; these check which window is asking: only the call
 * window reports the call, its activity and its preferences, or feeds the
 * overlay, only the mini window sends
 * its buttons, only the window that asked to share answers for it.
 */
export function createIpcHandlers(parts: IpcHandlerParts): IpcHandlers {
  const { windows } = parts;
  return {
    getRuntimeConfig: () => parts.runtimeConfig,
    getAppInfo: parts.appInfo,
    listCaptureSources: async ({ requestId }, sender) => ({ sources: await parts.capture.listSources(sender, requestId) }),
    answerCapture: ({ requestId, choice }, sender) => {
      parts.capture.answer(sender, requestId, choice);
      return {};
    },
    reportCall: (report, sender) => {
      windows.require(sender, 'main');
      parts.call.report(report);
      return {};
    },
    updateOverlay: (content, sender) => {
      windows.require(sender, 'main');
      parts.overlay.update(content);
      return {};
    },
    // Each window hears, once it listens, what it missed while loading.
    announceReady: (_request, sender) => {
      const role = windows.roleOf(sender);
      if (role === 'main') parts.callWindowReady();
      else if (role === 'mini') parts.send('mini', 'callStatus', parts.call.current);
      else if (role === 'overlay') parts.send('overlay', 'overlayContent', parts.overlay.content);
      return {};
    },
    sendMiniWindowCommand: (command, sender) => {
      windows.require(sender, 'mini');
      if (command.kind === 'show-window') parts.showMainWindow();
      else parts.sendCallCommand(command);
      return {};
    },
    notifyActivity: (activity, sender) => {
      windows.require(sender, 'main');
      parts.notifier.notify(activity);
      return {};
    },
    getCallPreferences: (_request, sender) => {
      windows.require(sender, 'main');
      return parts.callPreferences.get();
    },
    saveCallPreferences: async (preferences, sender) => {
      windows.require(sender, 'main');
      await parts.callPreferences.save(preferences);
      return {};
    },
  };
}

/** Routes every IPC call from the app's own top frames to these handlers. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, parts: IpcHandlerParts): void {
  registerIpcRouter(ipcMain, createIpcRouter(createIpcHandlers(parts), isAppTopFrame));
}
