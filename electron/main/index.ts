import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  app,
  desktopCapturer,
  dialog,
  globalShortcut,
  ipcMain,
  nativeTheme,
  net,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  webContents,
} from 'electron';
import log from 'electron-log/main';
import electronUpdater from 'electron-updater';
import { captureFeatures, isWaylandSession } from './capture/capture-platform.js';
import { DEEP_LINK_SCHEME } from './deep-link/deep-link.js';
import { createLinkInbox, runApp } from './lifecycle/app-lifecycle.js';
import { hardenBeforeReady } from './security/startup-hardening.js';
import type { ShellEnvironment, ShellPlatform } from './shell/shell-platform.js';
import { startShell } from './shell/start-shell.js';
import { startUpdates } from './updates/auto-update.js';
import { showMainWindow } from './window/app-windows.js';
import { createWindowRegistry } from './window/window-registry.js';

// The one file that wires Electron: everything else receives the Electron APIs it uses.

const outputDirectory = path.dirname(fileURLToPath(import.meta.url));

// Logs go to the platform's log folder for the app (see README "Logs").
log.transports.file.resolvePathFn = () => path.join(app.getPath('logs'), 'main.log');
log.initialize();
log.errorHandler.startCatching();

hardenBeforeReady(app, protocol);
const features = captureFeatures(process.env, process.platform);
if (features.length > 0) app.commandLine.appendSwitch('enable-features', features.join(','));

// A development run (electron .) must pass its entry script for the OS to relaunch it correctly.
if (process.defaultApp && process.argv[1]) {
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])]);
} else {
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}

const environment: ShellEnvironment = {
  rendererDirectory: path.join(outputDirectory, '../renderer'),
  preloadPath: path.join(outputDirectory, '../preload/index.cjs'),
  // Tray icons ship as extra resources in a package, and sit in build/ of the checkout (the app path) otherwise.
  trayIconDirectory: app.isPackaged ? path.join(process.resourcesPath, 'tray') : path.join(app.getAppPath(), 'build', 'tray'),
  updateFeedFile: path.join(process.resourcesPath, 'app-update.yml'),
  env: process.env,
  platform: process.platform,
  argv: process.argv,
  useSystemPicker: isWaylandSession(process.env, process.platform),
};

const platform: ShellPlatform = {
  app,
  dialog,
  desktopCapturer,
  globalShortcut,
  ipcMain,
  nativeTheme,
  net,
  powerMonitor,
  protocol,
  screen,
  get session() {
    // The default session exists only once the app is ready.
    return session.defaultSession;
  },
  shell,
  contentsOfFrame: (frame) => webContents.fromFrame(frame),
  openWindow: (options) => new BrowserWindow(options),
  createTray: (iconPath) => new Tray(iconPath),
  buildMenu: (template) => Menu.buildFromTemplate(template),
  notify: (notice, onClick) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification(notice);
    if (onClick) notification.on('click', onClick);
    notification.show();
  },
  startUpdates: (plan) => {
    electronUpdater.autoUpdater.logger = log;
    startUpdates(electronUpdater.autoUpdater, plan, (message) => log.warn(message));
  },
  log,
};

const registry = createWindowRegistry<BrowserWindow>({ contentsIdOf: (frame) => webContents.fromFrame(frame)?.id });
const links = createLinkInbox();

runApp({
  app,
  showMainWindow: () => showMainWindow(registry),
  openDeepLink: (raw) => links.open(raw),
  start: () => startShell(platform, environment, registry, links),
  logError: (message, error) => log.error(message, error),
});
