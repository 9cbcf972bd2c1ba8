import { PRELOAD_BRIDGE_KEY, type ShellBridge, type PreloadBridge } from '../../../shared/bridge.js';
import { createElectronBridge } from './electron-bridge.js';
import { createWebBridge } from './web-bridge.js';

/** Electron's preload puts its bridge on the window; a plain browser has none and gets the web bridge. */
export function detectBridge(target: Window): ShellBridge {
  const preload = (target as unknown as Record<string, PreloadBridge | undefined>)[PRELOAD_BRIDGE_KEY];
  return preload ? createElectronBridge(preload) : createWebBridge(target.location.href);
}
