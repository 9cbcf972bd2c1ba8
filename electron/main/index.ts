import { existsSync } from 'node:fs';
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
  type WebFrameMain,
} from 'electron';
import log from 'electron-log/main';
import electronUpdater from 'electron-updater';
import { buildContentSecurityPolicy } from '../../shared/security/content-security-policy.js';
import type { CallCommand } from '../../shared/desktop/presence.js';
import { captureFeatures, isWaylandSession, supportsLoopbackAudio } from './capture/capture-platform.js';
import { createDisplayMediaQueue, type CaptureOwner } from './capture/display-media-queue.js';
import { loadServerConfig } from './config/server-config-source.js';
import { createDeepLinkDispatcher, deepLinkFromArgv, DEEP_LINK_SCHEME } from './deep-link/deep-link.js';
import { sendHostEvent } from './ipc/host-events.js';
import { createIpcRouter, registerIpcRouter } from './ipc/ipc-router.js';
import { createWindowGuard } from './ipc/window-guard.js';
import { createCallReactions } from './lifecycle/call-reactions.js';
import { CLOSE_TO_TRAY_NOTICE, createCloseHandler } from './lifecycle/close-to-tray.js';
import { createGracefulQuit } from './lifecycle/graceful-quit.js';
import { createOverlayController } from './overlay/overlay-controller.js';
import { makeClickThroughOverlay, overlayWindowOptions } from './overlay/overlay-window.js';
import { APP_ENTRY_URL, isAppTopFrame, isAppUrl } from './security/app-origin.js';
import { registerAppProtocol } from './security/app-protocol.js';
import { hardenBeforeReady } from './security/startup-hardening.js';
import { applyDevicePolicy, applyNavigationPolicy, applyPermissionPolicy } from './security/web-contents-policy.js';
import { openJsonStore, type JsonStore } from './settings/json-store.js';
import { PreferencesSchema, type Preferences } from './settings/preferences.js';
import { createPushToTalk, registerMuteShortcut } from './shortcuts/shortcuts.js';
import { watchIdle } from './tray/idle-watcher.js';
import { initialPresence, reducePresence, type PresenceInput } from './tray/presence-state.js';
import { createTrayController, type TrayTheme } from './tray/tray-controller.js';
import { planUpdates, startUpdates } from './updates/auto-update.js';
import { miniWindowBounds, miniWindowOptions, shouldShowMiniWindow } from './window/mini-window.js';
import { mainWindowOptions, showWhenReady } from './window/main-window.js';
import { restoreWindowBounds, trackWindowState } from './window/window-state.js';

const outputDirectory = path.dirname(fileURLToPath(import.meta.url));
const rendererDirectory = path.join(outputDirectory, '../renderer');
const preloadPath = path.join(outputDirectory, '../preload/index.cjs');
/** Tray icons ship as extra resources in a package, and sit in build/ of the checkout (the app path) otherwise. */
const trayIconDirectory = app.isPackaged ? path.join(process.resourcesPath, 'tray') : path.join(app.getAppPath(), 'build', 'tray');

// Logs go to the platform's log folder for the app (see README "Logs").
log.transports.file.resolvePathFn = () => path.join(app.getPath('logs'), 'main.log');
log.initialize();
log.errorHandler.startCatching();

hardenBeforeReady(app, protocol);
const features = captureFeatures(process.env, process.platform);
if (features.length > 0) app.commandLine.appendSwitch('enable-features', features.join(','));
const useSystemPicker = isWaylandSession(process.env, process.platform);

// A development run (electron .) must pass its entry script for the OS to relaunch it correctly.
if (process.defaultApp && process.argv[1]) {
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])]);
} else {
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}

let mainWindow: BrowserWindow | null = null;
let miniWindow: BrowserWindow | null = null;
let overlayWindow: BrowserWindow | null = null;
let presence = initialPresence;
const callEndedWaiters: (() => void)[] = [];
/** Links that arrive before the configuration is loaded (macOS sends open-url very early). */
const earlyLinks: string[] = [];
let openDeepLink: (raw: string) => void = (raw) => void earlyLinks.push(raw);

function showMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function sendCallCommand(command: CallCommand): void {
  if (mainWindow) sendHostEvent(mainWindow.webContents, 'callCommand', command);
}

const requireWindow = createWindowGuard((frame) => webContents.fromFrame(frame)?.id);

/** The capture queue's view of a window: its contents id, its closing, and its events. */
function captureOwnerOf(frame: WebFrameMain): CaptureOwner | null {
  const contents = webContents.fromFrame(frame);
  if (!contents || !isAppTopFrame(frame)) return null;
  return {
    id: contents.id,
    onClosed(listener) {
      const gone = () => listener();
      contents.once('destroyed', gone);
      contents.once('render-process-gone', gone);
      // A reload commits a new page that knows nothing of the old request.
      contents.once('did-navigate', gone);
      return () => {
        if (contents.isDestroyed()) return;
        contents.removeListener('destroyed', gone);
        contents.removeListener('render-process-gone', gone);
        contents.removeListener('did-navigate', gone);
      };
    },
    requested: (event) => {
      showMainWindow();
      sendHostEvent(contents, 'captureRequested', event);
    },
    ended: (event) => sendHostEvent(contents, 'captureEnded', event),
  };
}

function openHardenedWindow(options: Electron.BrowserWindowConstructorOptions, view: 'overlay' | 'mini'): BrowserWindow {
  const window = new BrowserWindow(options);
  void window.loadURL(`${APP_ENTRY_URL}?view=${view}`);
  return window;
}

async function start(): Promise<void> {
  const { store: preferences, outcome } = await openJsonStore(path.join(app.getPath('userData'), 'settings.json'), PreferencesSchema);
  if (outcome.kind === 'recovered') {
    log.warn(`settings.json was unreadable (${outcome.problem}); kept it as ${outcome.keptAt} and started from defaults`);
  }

  const serverConfig = await loadServerConfig(process.env, path.join(app.getPath('userData'), 'config.json'));
  if (serverConfig.kind !== 'configured') {
    const reason =
      serverConfig.kind === 'invalid'
        ? serverConfig.problems.join('\n')
        : 'No servers are configured. Start Confer with `npm start`, which runs the local stack, or set CONFER_JANUS_URL and CONFER_SIGNALING_URLS.';
    log.error('server configuration:', reason);
    dialog.showErrorBox('Confer cannot start', `${reason}\n\nSettings file: ${serverConfig.settingsPath}`);
    app.exit(1);
    return;
  }
  const runtimeConfig = serverConfig.config;

  registerAppProtocol(protocol, net, {
    rootDirectory: rendererDirectory,
    contentSecurityPolicy: buildContentSecurityPolicy(runtimeConfig),
  });
  applyPermissionPolicy(session.defaultSession);
  applyDevicePolicy(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => applyNavigationPolicy(contents, shell));

  const overlay = createOverlayController({
    screen,
    log: (message) => log.info(message),
    openWindow: (bounds) => {
      const window = openHardenedWindow(overlayWindowOptions(preloadPath, bounds), 'overlay');
      makeClickThroughOverlay(window);
      overlayWindow = window;
      window.on('closed', () => {
        if (overlayWindow === window) overlayWindow = null;
      });
      return {
        setBounds: (next) => window.setBounds(next),
        close: () => window.close(),
        isDestroyed: () => window.isDestroyed(),
        show: (content) => sendHostEvent(window.webContents, 'overlayContent', content),
      };
    },
  });
  const captureQueue = createDisplayMediaQueue({
    ownerOf: captureOwnerOf,
    desktopCapturer,
    isAllowedOrigin: isAppUrl,
    useSystemPicker,
    loopbackAudioSupported: supportsLoopbackAudio(process.platform),
    onGranted: (source) => callReactions.granted(source),
    log: (message) => log.warn(message),
  });
  // useSystemPicker asks macOS for its native picker where it has one; on Wayland the queue takes the portal path itself.
  session.defaultSession.setDisplayMediaRequestHandler(
    (request, callback) => captureQueue.handleRequest(request, callback),
    { useSystemPicker },
  );

  const tray = new Tray(path.join(trayIconDirectory, 'available-dark.png'));
  const trayTheme = (): TrayTheme => (nativeTheme.shouldUseDarkColorsForSystemIntegratedUI || nativeTheme.shouldUseDarkColors ? 'dark' : 'light');
  const quitter = createGracefulQuit({
    isInCall: () => presence.call.inCall,
    requestLeave: () => sendCallCommand({ kind: 'leave-call' }),
    whenCallEnded: () => new Promise<void>((resolve) => callEndedWaiters.push(resolve)),
    quit: () => app.quit(),
  });
  const trayController = createTrayController({
    tray,
    buildMenu: (template) => Menu.buildFromTemplate(template),
    iconPath: (icon, theme) => path.join(trayIconDirectory, `${icon}-${theme}.png`),
    theme: trayTheme,
    miniWindowEnabled: () => preferences.get().miniWindow.enabled,
    actions: {
      showWindow: showMainWindow,
      command: sendCallCommand,
      setStatus: (status) => {
        dispatchPresence({ type: 'status-chosen', status });
        void savePreferences(preferences, (current) => ({ ...current, presence: { ...current.presence, status } }));
      },
      setMiniWindowEnabled: (enabled) => {
        void savePreferences(preferences, (current) => ({ ...current, miniWindow: { ...current.miniWindow, enabled } })).then(() => {
          updateMiniWindow();
          trayController.render(presence);
        });
      },
      quit: () => quitter.quit(),
    },
  });
  function dispatchPresence(input: PresenceInput): void {
    presence = reducePresence(presence, input);
    trayController.render(presence);
  }
  dispatchPresence({ type: 'status-chosen', status: preferences.get().presence.status });
  nativeTheme.on('updated', () => trayController.render(presence));
  watchIdle(powerMonitor, preferences.get().presence.idleMinutes * 60, (type) => dispatchPresence({ type }));
  app.on('before-quit', (event) => quitter.onBeforeQuit(event));

  const pushToTalk = preferences.get().shortcuts.pushToTalk.enabled
    ? createPushToTalk(preferences.get().shortcuts.pushToTalk.key, (muted) => sendCallCommand({ kind: 'set-audio-muted', muted }))
    : null;
  // The mute shortcut is held only during a call, so the keys belong to other apps the rest of the time.
  let unregisterMuteShortcut: (() => void) | null = null;
  function holdMuteShortcut(): void {
    const registration = registerMuteShortcut(globalShortcut, preferences.get().shortcuts.toggleMute, () =>
      sendCallCommand({ kind: 'toggle-audio' }),
    );
    if (registration.ok) unregisterMuteShortcut = registration.unregister;
    else log.warn(registration.problem);
  }
  function releaseMuteShortcut(): void {
    unregisterMuteShortcut?.();
    unregisterMuteShortcut = null;
  }
  app.on('will-quit', () => globalShortcut.unregisterAll());

  function updateMiniWindow(): void {
    const visible = mainWindow !== null && mainWindow.isVisible() && !mainWindow.isMinimized();
    const show = shouldShowMiniWindow({ enabled: preferences.get().miniWindow.enabled, inCall: presence.call.inCall, mainWindowVisible: visible });
    if (!show) {
      miniWindow?.close();
      return;
    }
    if (miniWindow) return;
    const bounds = miniWindowBounds(preferences.get().miniWindow.bounds, screen.getPrimaryDisplay().workArea);
    const window = openHardenedWindow(miniWindowOptions(preloadPath, bounds), 'mini');
    window.once('ready-to-show', () => window.showInactive());
    // Where the user left it is saved once, when it closes (a drag would otherwise write the file many times).
    window.on('close', () => {
      void savePreferences(preferences, (current) => ({ ...current, miniWindow: { ...current.miniWindow, bounds: window.getBounds() } }));
    });
    window.on('closed', () => {
      if (miniWindow === window) miniWindow = null;
    });
    miniWindow = window;
  }

  const callReactions = createCallReactions({
    presence: (report) => dispatchPresence({ type: 'call-reported', report }),
    muteShortcut: { hold: holdMuteShortcut, release: releaseMuteShortcut },
    pushToTalk: pushToTalk !== null,
    sendCommand: sendCallCommand,
    overlay,
    afterReport: (report, ended) => {
      if (ended) for (const resolve of callEndedWaiters.splice(0)) resolve();
      if (miniWindow) sendHostEvent(miniWindow.webContents, 'callStatus', report);
      updateMiniWindow();
    },
  });

  const deepLinks = createDeepLinkDispatcher({
    config: runtimeConfig,
    deliver: (link) => {
      showMainWindow();
      if (mainWindow) sendHostEvent(mainWindow.webContents, 'deepLinkJoin', link);
    },
    reject: (problem) => {
      log.warn(`refused a deep link: ${problem}`);
      void dialog.showMessageBox({ type: 'warning', message: 'Confer cannot open this meeting link', detail: problem, buttons: ['OK'] });
    },
  });
  openDeepLink = (raw) => deepLinks.open(raw);
  for (const raw of earlyLinks.splice(0)) deepLinks.open(raw);

  registerIpcRouter(
    ipcMain,
    createIpcRouter(
      {
        getRuntimeConfig: () => runtimeConfig,
        getAppInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform }),
        listCaptureSources: async ({ requestId }, sender) => ({ sources: await captureQueue.listSources(sender, requestId) }),
        answerCapture: ({ requestId, choice }, sender) => {
          captureQueue.answer(sender, requestId, choice);
          return {};
        },
        reportCall: (report, sender) => {
          requireWindow(sender, mainWindow, 'call window');
          callReactions.report(report);
          return {};
        },
        updateOverlay: (content, sender) => {
          requireWindow(sender, mainWindow, 'call window');
          overlay.update(content);
          return {};
        },
        announceReady: (_request, sender) => {
          const contentsId = webContents.fromFrame(sender)?.id;
          if (contentsId === mainWindow?.webContents.id) deepLinks.windowReady();
          else if (miniWindow && contentsId === miniWindow.webContents.id) sendHostEvent(miniWindow.webContents, 'callStatus', presence.call);
          else if (overlayWindow && contentsId === overlayWindow.webContents.id) sendHostEvent(overlayWindow.webContents, 'overlayContent', overlay.content);
          return {};
        },
        sendMiniWindowCommand: (command, sender) => {
          requireWindow(sender, miniWindow, 'mini call window');
          if (command.kind === 'show-window') showMainWindow();
          else sendCallCommand(command);
          return {};
        },
      },
      isAppTopFrame,
    ),
  );

  const launchLink = deepLinkFromArgv(process.argv);
  if (launchLink) deepLinks.open(launchLink);

  const window = createMainWindow(preferences);
  window.webContents.on('did-start-loading', () => deepLinks.windowGone());
  if (pushToTalk) {
    window.webContents.on('before-input-event', (_event, input) => pushToTalk.onInput(input));
    window.on('blur', pushToTalk.onBlur);
  }
  window.on(
    'close',
    createCloseHandler({
      isInCall: () => presence.call.inCall,
      isQuitting: () => quitter.isQuitting,
      hide: () => window.hide(),
      noticeShown: () => preferences.get().closeToTrayNoticeShown,
      showNotice: () => {
        if (Notification.isSupported()) new Notification(CLOSE_TO_TRAY_NOTICE).show();
        void savePreferences(preferences, (current) => ({ ...current, closeToTrayNoticeShown: true }));
      },
    }),
  );
  for (const event of ['hide', 'show', 'minimize', 'restore'] as const) window.on(event as 'hide', updateMiniWindow);
  window.on('closed', () => {
    overlay.close();
    miniWindow?.close();
    mainWindow = null;
  });
  mainWindow = window;
  await window.loadURL(APP_ENTRY_URL);

  const updatePlan = planUpdates({
    isPackaged: app.isPackaged,
    automatic: preferences.get().updates.automatic,
    env: process.env,
    hasBakedFeed: existsSync(path.join(process.resourcesPath, 'app-update.yml')),
  });
  if (updatePlan.kind === 'enabled') {
    electronUpdater.autoUpdater.logger = log;
    startUpdates(electronUpdater.autoUpdater, updatePlan, (message) => log.warn(message));
  } else {
    log.info(`automatic updates off: ${updatePlan.reason}`);
  }
}

function createMainWindow(preferences: JsonStore<Preferences>): BrowserWindow {
  const restored = restoreWindowBounds(preferences.get().window, screen.getAllDisplays(), screen.getPrimaryDisplay());
  const window = new BrowserWindow({ ...mainWindowOptions(preloadPath), ...(restored.bounds ?? {}) });
  // maximize() shows a hidden window at once: wait for the first frame, like the normal show.
  if (restored.maximized) window.once('ready-to-show', () => window.maximize());
  trackWindowState(window, screen, (state) => void savePreferences(preferences, (current) => ({ ...current, window: state })));
  showWhenReady(window);
  return window;
}

/** Settings writes never take the app down: a failed write is logged and the value stays in memory. */
function savePreferences(preferences: JsonStore<Preferences>, change: (current: Preferences) => Preferences): Promise<void> {
  try {
    return preferences.update(change).then(
      () => undefined,
      (error: unknown) => log.error('could not save settings', error),
    );
  } catch (error) {
    log.error('refused an invalid settings change', error);
    return Promise.resolve();
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another Confer is running: it receives our arguments (and any link) through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    showMainWindow();
    const link = deepLinkFromArgv(argv);
    if (link) openDeepLink(link);
  });
  // macOS delivers links as events, possibly before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openDeepLink(url);
  });
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    log.error('startup failed', error);
    app.exit(1);
  });
}
