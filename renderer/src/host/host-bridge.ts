import { PRELOAD_BRIDGE_KEY, type HostBridge, type PreloadBridge } from '../../../shared/bridge.js';
import { createElectronHost } from './electron-host.js';
import { createWebHost } from './web-host.js';

/** Electron's preload puts its bridge on the window; a plain browser has none and gets the web host. */
export function detectHost(target: Window): HostBridge {
  const preload = (target as unknown as Record<string, PreloadBridge | undefined>)[PRELOAD_BRIDGE_KEY];
  return preload ? createElectronHost(preload) : createWebHost(target.location.href);
}
