import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle, Screen } from 'electron';
import type { WindowEventKey, WindowEventPayload } from '../../../shared/ipc/events.js';
import { sendWindowEvent } from '../ipc/window-events.js';
import type { OverlayWindow } from '../overlay/overlay-controller.js';
import { makeClickThroughOverlay, overlayWindowOptions } from '../overlay/overlay-window.js';
import { APP_ENTRY_URL } from '../security/app-origin.js';
import type { JsonStore } from '../settings/json-store.js';
import type { SavePreferences } from '../settings/preference-writer.js';
import type { Preferences } from '../settings/preferences.js';
import { mainWindowOptions, showWhenReady } from './main-window.js';
import { miniWindowBounds, miniWindowOptions, shouldShowMiniWindow } from './mini-window.js';
import { restoreWindowBounds, trackWindowState } from './window-state.js';
import type { WindowRegistry, WindowRole } from './window-registry.js';

export interface AppWindowsOptions {
  /** Electron's `new BrowserWindow(options)`. */
  readonly openWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly registry: WindowRegistry<BrowserWindow>;
  readonly screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'>;
  readonly preloadPath: string;
  readonly preferences: Pick<JsonStore<Preferences>, 'get'>;
  readonly savePreferences: SavePreferences;
  readonly isInCall: () => boolean;
}

/** Brings the call window to the front, restoring it when minimised. */
export function showMainWindow(registry: Pick<WindowRegistry<BrowserWindow>, 'get'>): void {
  const window = registry.get('main');
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Opens Confer's windows, each hardened, loaded from the app's own origin
 * and registered under its role until it closes: the call window where it
 * was left, the mini call window while it helps, the presenter overlay on
 * demand.
 */
export function createAppWindows(options: AppWindowsOptions) {
  const { registry, preferences } = options;

  function openHardenedWindow(windowOptions: BrowserWindowConstructorOptions, role: Exclude<WindowRole, 'main'>): BrowserWindow {
    const window = options.openWindow(windowOptions);
    void window.loadURL(`${APP_ENTRY_URL}?view=${role}`);
    const forget = registry.register(role, window);
    window.on('closed', forget);
    return window;
  }

  function send<K extends WindowEventKey>(role: WindowRole, key: K, payload: WindowEventPayload<K>): void {
    const window = registry.get(role);
    if (window) sendWindowEvent(window.webContents, key, payload);
  }

  function openMini(): void {
    const bounds = miniWindowBounds(preferences.get().miniWindow.bounds, options.screen.getPrimaryDisplay().workArea);
    const window = openHardenedWindow(miniWindowOptions(options.preloadPath, bounds), 'mini');
    window.once('ready-to-show', () => window.showInactive());
    // Where the user left it is saved once, when it closes (a drag would otherwise write the file many times).
    window.on('close', () => {
      void options.savePreferences((current) => ({ ...current, miniWindow: { ...current.miniWindow, bounds: window.getBounds() } }));
    });
  }

  /** Shows the mini window while a call runs and the call window is out of sight; closes it otherwise. */
  function updateMini(): void {
    const main = registry.get('main');
    const visible = main !== null && main.isVisible() && !main.isMinimized();
    const show = shouldShowMiniWindow({ enabled: preferences.get().miniWindow.enabled, inCall: options.isInCall(), mainWindowVisible: visible });
    if (!show) registry.get('mini')?.close();
    else if (!registry.get('mini')) openMini();
  }

  return {
    send,
    updateMini,
    showMain: () => showMainWindow(registry),
    /** Opens the call window where it was left; `onClosed` runs once it is gone. */
    openMain(onClosed: () => void): BrowserWindow {
      const restored = restoreWindowBounds(preferences.get().window, options.screen.getAllDisplays(), options.screen.getPrimaryDisplay());
      const window = options.openWindow({ ...mainWindowOptions(options.preloadPath), ...(restored.bounds ?? {}) });
      // maximize() shows a hidden window at once: wait for the first frame, like the normal show.
      if (restored.maximized) window.once('ready-to-show', () => window.maximize());
      trackWindowState(window, options.screen, (state) => void options.savePreferences((current) => ({ ...current, window: state })));
      showWhenReady(window);
      for (const event of ['hide', 'show', 'minimize', 'restore'] as const) window.on(event as 'hide', updateMini);
      const forget = registry.register('main', window);
      window.on('closed', () => {
        onClosed();
        registry.get('mini')?.close();
        forget();
      });
      return window;
    },
    /** The presenter overlay's window, for the overlay controller. */
    openOverlay(bounds: Rectangle): OverlayWindow {
      const window = openHardenedWindow(overlayWindowOptions(options.preloadPath, bounds), 'overlay');
      makeClickThroughOverlay(window);
      return {
        setBounds: (next) => window.setBounds(next),
        close: () => window.close(),
        isDestroyed: () => window.isDestroyed(),
        show: (content) => sendWindowEvent(window.webContents, 'overlayContent', content),
      };
    },
  };
}

export type AppWindows = ReturnType<typeof createAppWindows>;
