import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { PRELOAD_BRIDGE_KEY, type PreloadBridge } from '../../shared/bridge.js';
import { IPC_INVOKE_CHANNEL } from '../../shared/ipc/channel.js';
import { hostEventChannel } from '../../shared/ipc/event.js';
import { ipcChannels, type IpcChannelKey } from '../../shared/ipc/channels.js';
import { hostEvents, subscriberName, type HostEventKey } from '../../shared/ipc/events.js';

/**
 * One function per declared channel, each a closure over its channel name:
 * the page can never choose a channel or reach ipcRenderer itself.
 */
function invoker(key: IpcChannelKey) {
  const channel = ipcChannels[key].name;
  return (payload: unknown) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, { channel, payload });
}

/**
 * One subscriber per declared event. The page gets the payload only, never
 * Electron's event object (which would expose `sender`), and an unsubscribe.
 */
function subscriber(key: HostEventKey) {
  const channel = hostEventChannel(hostEvents[key]);
  return (listener: (payload: unknown) => void) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => void ipcRenderer.removeListener(channel, forward);
  };
}

const bridge = Object.fromEntries([
  ...(Object.keys(ipcChannels) as IpcChannelKey[]).map((key) => [key, invoker(key)] as const),
  ...(Object.keys(hostEvents) as HostEventKey[]).map((key) => [subscriberName(key), subscriber(key)] as const),
]) as unknown as PreloadBridge; // built from the same keys the type is mapped over

contextBridge.exposeInMainWorld(PRELOAD_BRIDGE_KEY, bridge);
