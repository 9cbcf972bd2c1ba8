import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { PRELOAD_BRIDGE_KEY, type PreloadBridge } from '../../shared/bridge.js';
import { IPC_INVOKE_CHANNEL } from '../../shared/ipc/channel.js';
import { windowEventChannel } from '../../shared/ipc/event.js';
// Names only: the schemas stay in the main process and the page, which validate.
import { WINDOW_EVENT_NAMES, IPC_CHANNEL_NAMES, subscriberName, type WindowEventKey, type IpcChannelKey } from '../../shared/ipc/names.js';

/**
 * One function per declared channel, each a closure over its channel name:
 * the page can never choose a channel or reach ipcRenderer itself.
 */
function invoker(key: IpcChannelKey) {
  const channel = IPC_CHANNEL_NAMES[key];
  return (payload: unknown) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, { channel, payload });
}

/**
 * One subscriber per declared event. The page gets the payload only, never
 * Electron's event object (which would expose `sender`), and an unsubscribe.
 */
function subscriber(key: WindowEventKey) {
  const channel = windowEventChannel(WINDOW_EVENT_NAMES[key]);
  return (listener: (payload: unknown) => void) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => void ipcRenderer.removeListener(channel, forward);
  };
}

const bridge = Object.fromEntries([
  ...(Object.keys(IPC_CHANNEL_NAMES) as IpcChannelKey[]).map((key) => [key, invoker(key)] as const),
  ...(Object.keys(WINDOW_EVENT_NAMES) as WindowEventKey[]).map((key) => [subscriberName(key), subscriber(key)] as const),
]) as unknown as PreloadBridge; // built from the same keys the type is mapped over

contextBridge.exposeInMainWorld(PRELOAD_BRIDGE_KEY, bridge);
