import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import type { CallCommand, CallReport } from '../../../shared/desktop/call-report.js';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import { buildContentSecurityPolicy } from '../../../shared/security/content-security-policy.js';
import { createCallIntegration, type CallIntegration } from '../call/call-integration.js';
import { captureOwnerOf } from '../capture/capture-owner.js';
import { supportsLoopbackAudio } from '../capture/capture-platform.js';
import { createDisplayMediaQueue, type DisplayMediaQueueOptions } from '../capture/display-media-queue.js';
import { createDeepLinkDispatcher, deepLinkFromArgv } from '../deep-link/deep-link.js';
import { linkDuringCall, type LeaveCallQuestion } from '../deep-link/link-during-call.js';
import { registerIpcHandlers } from '../ipc/ipc-handlers.js';
import type { LinkInbox } from '../lifecycle/app-lifecycle.js';
import { createCloseHandler } from '../lifecycle/close-to-tray.js';
import { createGracefulQuit } from '../lifecycle/graceful-quit.js';
import { createActivityNotifier, type ActivityNotifier } from '../notifications/activity-notifier.js';
import { createOverlayController } from '../overlay/overlay-controller.js';
import { APP_ENTRY_URL, isAppUrl } from '../security/app-origin.js';
import { registerAppProtocol } from '../security/app-protocol.js';
import { applyDevicePolicy, applyNavigationPolicy, applyPermissionPolicy } from '../security/web-contents-policy.js';
import { deepLinkSentence, SHELL_MESSAGES, type ShellMessages } from '../../../shared/desktop/shell-messages.js';
import type { JsonStore } from '../settings/json-store.js';
import { createCallPreferenceStore } from '../settings/call-preference-store.js';
import { createPreferenceWriter, type SavePreferences } from '../settings/preference-writer.js';
import type { Preferences } from '../settings/preferences.js';
import { createTrayStatus, type TrayStatus } from '../tray/tray-status.js';
import { planUpdates } from '../updates/auto-update.js';
import { createAppWindows, type AppWindows } from '../window/app-windows.js';
import type { WindowRegistry } from '../window/window-registry.js';
import type { ShellEnvironment, ShellPlatform } from './shell-platform.js';
import { loadStartupSettings } from './startup-settings.js';

/** What every part of the shell is built from. */
interface ShellParts {
  readonly platform: ShellPlatform;
  readonly environment: ShellEnvironment;
  readonly preferences: JsonStore<Preferences>;
  readonly savePreferences: SavePreferences;
  readonly windows: AppWindows;
  /** The shell's words in the user's language now. */
  readonly words: () => ShellMessages;
}

/**
 * Starts Confer once Electron is ready: settings and security first, then
 * the windows, the screen-capture queue, the tray, the call integration,
 * deep links and IPC, and finally the call window and updates.
 */
export async function startShell(
  platform: ShellPlatform,
  environment: ShellEnvironment,
  registry: WindowRegistry<BrowserWindow>,
  links: LinkInbox,
): Promise<void> {
  const settings = await loadStartupSettings(platform, environment);
  if (!settings) return;
  const { preferences, runtimeConfig, words } = settings;
  applySecurityPolicies(platform, environment, runtimeConfig);

  const savePreferences = createPreferenceWriter(preferences, (message, error) => platform.log.error(message, error));
  const windows = createAppWindows({
    openWindow: platform.openWindow,
    registry,
    screen: platform.screen,
    preloadPath: environment.preloadPath,
    preferences,
    savePreferences,
    isInCall: () => call.inCall,
  });
  const parts: ShellParts = { platform, environment, preferences, savePreferences, windows, words };
  const overlay = createOverlayController({ screen: platform.screen, log: (message) => platform.log.info(message), openWindow: windows.openOverlay });
  const capture = startCaptureQueue(parts, (source) => call.granted(source));
  const sendCallCommand = (command: CallCommand) => windows.send('main', 'callCommand', command);
  const quitter = createGracefulQuit({
    isInCall: () => call.inCall,
    requestLeave: () => sendCallCommand({ kind: 'leave-call' }),
    whenCallEnded: () => call.whenEnded(),
    quit: () => platform.app.quit(),
  });
  const tray = startTray(parts, sendCallCommand, () => quitter.quit());
  platform.app.on('before-quit', (event) => quitter.onBeforeQuit(event));
  const call = startCallIntegration(parts, tray, overlay, sendCallCommand);
  const deepLinks = startDeepLinks(parts, runtimeConfig, links, () => call.current);

  registerIpcHandlers(platform.ipcMain, {
    runtimeConfig,
    appInfo: () => ({ name: platform.app.getName(), version: platform.app.getVersion(), platform: environment.platform }),
    windows: registry,
    capture,
    call,
    overlay,
    callWindowReady: () => deepLinks.windowReady(),
    send: windows.send,
    showMainWindow: windows.showMain,
    sendCallCommand,
    notifier: startNotifications(parts, registry, tray),
    callPreferences: followLanguageInTray(createCallPreferenceStore(preferences, savePreferences), tray),
  });

  const launchLink = deepLinkFromArgv(environment.argv);
  if (launchLink) deepLinks.open(launchLink);
  const window = windows.openMain(() => overlay.close());
  window.webContents.on('did-start-loading', () => deepLinks.windowGone());
  followCallInCallWindow(parts, window, call, () => quitter.isQuitting);
  await window.loadURL(APP_ENTRY_URL);
  startAutoUpdates(parts);
}

/** The app:// scheme with its CSP, and the deny-by-default permission, device and navigation policies. */
function applySecurityPolicies(platform: ShellPlatform, environment: ShellEnvironment, runtimeConfig: RuntimeConfig): void {
  registerAppProtocol(platform.protocol, platform.net, {
    rootDirectory: environment.rendererDirectory,
    contentSecurityPolicy: buildContentSecurityPolicy(runtimeConfig),
  });
  applyPermissionPolicy(platform.session);
  applyDevicePolicy(platform.session);
  platform.app.on('web-contents-created', (_event, contents) => applyNavigationPolicy(contents, platform.shell));
}

/** getDisplayMedia requests wait in the queue for the asking window's picker (or the system's, on Wayland). */
function startCaptureQueue({ platform, environment, windows }: ShellParts, granted: NonNullable<DisplayMediaQueueOptions['onGranted']>) {
  const { useSystemPicker } = environment;
  const queue = createDisplayMediaQueue({
    ownerOf: (frame) => captureOwnerOf(platform.contentsOfFrame(frame), frame, windows.showMain),
    desktopCapturer: platform.desktopCapturer,
    isAllowedOrigin: isAppUrl,
    useSystemPicker,
    loopbackAudioSupported: supportsLoopbackAudio(environment.platform),
    onGranted: granted,
    log: (message) => platform.log.warn(message),
  });
  // useSystemPicker asks macOS for its native picker where it has one; on Wayland the queue takes the portal path itself.
  platform.session.setDisplayMediaRequestHandler((request, callback) => queue.handleRequest(request, callback), { useSystemPicker });
  return queue;
}

/** The tray icon, its menu and the status it shows; the chosen status and the mini window switch are saved. */
function startTray({ platform, environment, preferences, savePreferences, windows, words }: ShellParts, sendCallCommand: (command: CallCommand) => void, quit: () => void): TrayStatus {
  const iconDirectory = environment.trayIconDirectory;
  const { nativeTheme } = platform;
  const tray: TrayStatus = createTrayStatus({
    tray: platform.createTray(path.join(iconDirectory, 'available-dark.png')),
    buildMenu: platform.buildMenu,
    iconPath: (icon, theme) => path.join(iconDirectory, `${icon}-${theme}.png`),
    theme: () => (nativeTheme.shouldUseDarkColorsForSystemIntegratedUI || nativeTheme.shouldUseDarkColors ? 'dark' : 'light'),
    miniWindowEnabled: () => preferences.get().miniWindow.enabled,
    messages: words,
    nativeTheme,
    powerMonitor: platform.powerMonitor,
    idleMinutes: preferences.get().presence.idleMinutes,
    chosenStatus: preferences.get().presence.status,
    actions: {
      showWindow: windows.showMain,
      command: sendCallCommand,
      setStatus: (status) => void savePreferences((current) => ({ ...current, presence: { ...current.presence, status } })),
      setMiniWindowEnabled: (enabled) => {
        void savePreferences((current) => ({ ...current, miniWindow: { ...current.miniWindow, enabled } })).then(() => {
          windows.updateMini();
          tray.render();
        });
      },
      quit,
    },
  });
  return tray;
}

/** What follows the call window's reports: tray, overlay, the global mute shortcut, the mini window. */
function startCallIntegration(
  { platform, preferences, windows }: ShellParts,
  tray: TrayStatus,
  overlay: { open(displayId: string): unknown; close(): void },
  sendCallCommand: (command: CallCommand) => void,
): CallIntegration {
  const call = createCallIntegration({
    globalShortcut: platform.globalShortcut,
    muteAccelerator: () => preferences.get().shortcuts.toggleMute,
    sendCommand: sendCallCommand,
    trayStatus: (report) => tray.dispatch({ type: 'call-reported', report }),
    overlay,
    followReport: (report) => {
      windows.send('mini', 'callStatus', report);
      windows.updateMini();
    },
    log: (message) => platform.log.warn(message),
  });
  platform.app.on('will-quit', () => platform.globalShortcut.unregisterAll());
  return call;
}

/** Chat, hands and joins reported by the call window notify while it is in the background, never during do-not-disturb. */
/** A language chosen on the settings screen shows in the tray at once. */
function followLanguageInTray(store: ReturnType<typeof createCallPreferenceStore>, tray: TrayStatus): ReturnType<typeof createCallPreferenceStore> {
  return { get: store.get, save: (preferences) => store.save(preferences).then(() => tray.render()) };
}

function startNotifications({ platform, windows, words }: ShellParts, registry: WindowRegistry<BrowserWindow>, tray: TrayStatus): ActivityNotifier {
  return createActivityNotifier({
    isCallWindowFocused: () => registry.get('main')?.isFocused() ?? false,
    isDoNotDisturb: () => tray.state.chosen === 'do-not-disturb',
    messages: words,
    show: (notification, onClick) => platform.notify(notification, onClick),
    showCallWindow: windows.showMain,
  });
}

/** Asks with a native dialog whether to leave the call for a link; staying is the default. */
async function askToLeaveCall(platform: ShellPlatform, question: LeaveCallQuestion): Promise<boolean> {
  const { response } = await platform.dialog.showMessageBox({ type: 'question', ...question, buttons: [...question.buttons], defaultId: 1, cancelId: 1 });
  return response === 0;
}

/**
 * Links go to the call window once it is ready; a bad link is explained and
 * does nothing else; a link during a call to another room asks first.
 */
function startDeepLinks({ platform, windows, words }: ShellParts, runtimeConfig: RuntimeConfig, links: LinkInbox, currentCall: () => CallReport) {
  const deepLinks = createDeepLinkDispatcher({
    config: runtimeConfig,
    deliver: (link) => {
      windows.showMain();
      void linkDuringCall(link, currentCall(), (question) => askToLeaveCall(platform, question), words().linkDuringCall)
        .then((open) => (open ? windows.send('main', 'deepLinkJoin', open) : platform.log.info(`stayed in the call instead of opening ${link.room}`)))
        .catch((error: unknown) => platform.log.error('could not ask about a link during the call', error));
    },
    reject: (problem) => {
      platform.log.warn(`refused a deep link: ${deepLinkSentence(SHELL_MESSAGES.en.badLink, problem)}`);
      const { badLink } = words();
      void platform.dialog.showMessageBox({ type: 'warning', message: badLink.title, detail: deepLinkSentence(badLink, problem), buttons: [badLink.ok] });
    },
  });
  links.connect((raw) => deepLinks.open(raw));
  return deepLinks;
}

/** During a call the call window hides to the tray instead of closing. */
function followCallInCallWindow({ platform, preferences, savePreferences, words }: ShellParts, window: BrowserWindow, call: CallIntegration, isQuitting: () => boolean): void {
  window.on(
    'close',
    createCloseHandler({
      isInCall: () => call.inCall,
      isQuitting,
      hide: () => window.hide(),
      noticeShown: () => preferences.get().closeToTrayNoticeShown,
      showNotice: () => {
        platform.notify(words().closeToTray);
        void savePreferences((current) => ({ ...current, closeToTrayNoticeShown: true }));
      },
    }),
  );
}

function startAutoUpdates({ platform, environment, preferences }: ShellParts): void {
  const plan = planUpdates({
    isPackaged: platform.app.isPackaged,
    automatic: preferences.get().updates.automatic,
    env: environment.env,
    hasBakedFeed: existsSync(environment.updateFeedFile),
  });
  if (plan.kind === 'enabled') platform.startUpdates(plan);
  else platform.log.info(`automatic updates off: ${plan.reason}`);
}
