import type { RuntimeConfig } from './config/runtime-config.js';
import type { IpcChannelKey, IpcRequest, IpcResponse } from './ipc/channels.js';
import type { IpcResult } from './ipc/result.js';

/** What the preload puts on `window.conferBridge`: one function per channel, each returning a plain result. */
export type PreloadBridge = {
  readonly [K in IpcChannelKey]: (request: IpcRequest<K>) => Promise<IpcResult<IpcResponse<K>>>;
};

export const PRELOAD_BRIDGE_KEY = 'conferBridge';

/**
 * What the renderer's features use. Electron implements it over IPC; the web
 * build implements it with browser APIs and the server's `/config.json`.
 */
export interface HostBridge {
  readonly kind: 'electron' | 'web';
  getRuntimeConfig(): Promise<RuntimeConfig>;
}
