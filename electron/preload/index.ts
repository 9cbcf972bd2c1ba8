import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_BRIDGE_KEY, type PreloadBridge } from '../../shared/bridge.js';
import { IPC_INVOKE_CHANNEL } from '../../shared/ipc/channel.js';
import { ipcChannels, type IpcChannelKey } from '../../shared/ipc/channels.js';

/**
 * One function per declared channel, each a closure over its channel name:
 * the page can never choose a channel or reach ipcRenderer itself.
 */
function invoker(key: IpcChannelKey) {
  const channel = ipcChannels[key].name;
  return (payload: unknown) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, { channel, payload });
}

const bridge = Object.fromEntries(
  (Object.keys(ipcChannels) as IpcChannelKey[]).map((key) => [key, invoker(key)]),
) as unknown as PreloadBridge; // built from the same keys the type is mapped over

contextBridge.exposeInMainWorld(PRELOAD_BRIDGE_KEY, bridge);
