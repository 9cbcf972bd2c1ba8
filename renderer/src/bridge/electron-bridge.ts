import type { z } from 'zod';
import type { ShellBridge, PreloadBridge, Unsubscribe } from '../../../shared/bridge.js';
import { RuntimeConfigSchema } from '../../../shared/config/runtime-config.js';
import { CallPreferencesLoadSchema } from '../../../shared/desktop/call-preferences.js';
import { ipcChannels } from '../../../shared/ipc/channels.js';
import { windowEvents, type WindowEventKey, type WindowEventPayload } from '../../../shared/ipc/events.js';
import { subscriberName } from '../../../shared/ipc/names.js';
import { IpcError, IpcErrorReason, type IpcResult } from '../../../shared/ipc/result.js';

/** Unwraps a bridge result and checks the value again: the page trusts nothing it did not validate. */
async function unwrap<S extends z.ZodType>(call: Promise<IpcResult<unknown>>, schema: S): Promise<z.output<S>> {
  const result = await call;
  if (!result.ok) throw new IpcError(result.error);
  const parsed = schema.safeParse(result.value);
  if (!parsed.success) throw new IpcError({ reason: IpcErrorReason.invalidResponse, message: 'bridge returned an invalid value' });
  return parsed.data;
}

/** Subscribes through the preload and drops (with a warning) any payload that fails its schema. */
export function subscribe<K extends WindowEventKey>(
  preload: PreloadBridge,
  key: K,
  listener: (payload: WindowEventPayload<K>) => void,
): Unsubscribe {
  const schema = windowEvents[key].payload;
  return preload[subscriberName(key)]((payload) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) listener(parsed.data as WindowEventPayload<K>);
    else console.warn(`dropped an invalid ${windowEvents[key].name} event`);
  });
}

export function createElectronBridge(preload: PreloadBridge): ShellBridge {
  return {
    kind: 'electron',
    getRuntimeConfig: () => unwrap(preload.getRuntimeConfig({}), RuntimeConfigSchema),
    announceReady: async () => {
      await unwrap(preload.announceReady({}), ipcChannels.announceReady.response);
    },
    onCaptureRequested: (listener) => subscribe(preload, 'captureRequested', listener),
    onCaptureEnded: (listener) => subscribe(preload, 'captureEnded', listener),
    listCaptureSources: async (requestId) =>
      (await unwrap(preload.listCaptureSources({ requestId }), ipcChannels.listCaptureSources.response)).sources,
    answerCapture: async (requestId, choice) => {
      await unwrap(preload.answerCapture({ requestId, choice }), ipcChannels.answerCapture.response);
    },
    reportCall: async (report) => {
      await unwrap(preload.reportCall(report), ipcChannels.reportCall.response);
    },
    onCallCommand: (listener) => subscribe(preload, 'callCommand', listener),
    onDeepLinkJoin: (listener) => subscribe(preload, 'deepLinkJoin', listener),
    updateOverlay: async (content) => {
      await unwrap(preload.updateOverlay(content), ipcChannels.updateOverlay.response);
    },
    onOverlayContent: (listener) => subscribe(preload, 'overlayContent', listener),
    onCallStatus: (listener) => subscribe(preload, 'callStatus', listener),
    sendMiniWindowCommand: async (command) => {
      await unwrap(preload.sendMiniWindowCommand(command), ipcChannels.sendMiniWindowCommand.response);
    },
    notifyActivity: async (activity) => {
      await unwrap(preload.notifyActivity(activity), ipcChannels.notifyActivity.response);
    },
    getCallPreferences: () => unwrap(preload.getCallPreferences({}), CallPreferencesLoadSchema),
    saveCallPreferences: async (preferences) => {
      await unwrap(preload.saveCallPreferences(preferences), ipcChannels.saveCallPreferences.response);
    },
  };
}
