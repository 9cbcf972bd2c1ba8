import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, MenuItemConstructorOptions, WebFrameMain } from 'electron';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_CALL_PREFERENCES } from '../../../shared/desktop/call-preferences.js';
import type { CallReport } from '../../../shared/desktop/call-report.js';
import { windowEventChannel } from '../../../shared/ipc/event.js';
import { IPC_INVOKE_CHANNEL } from '../../../shared/ipc/channel.js';
import { createLinkInbox } from '../lifecycle/app-lifecycle.js';
import { createWindowRegistry } from '../window/window-registry.js';
import type { ShellEnvironment, ShellPlatform } from './shell-platform.js';
import { startShell } from './start-shell.js';

/** A BrowserWindow double: real events, visibility, closing that can be prevented, and what its page was sent. */
class FakeWindow extends EventEmitter {
  static nextId = 1;
  readonly webContents = Object.assign(new EventEmitter(), {
    id: FakeWindow.nextId++,
    sent: [] as unknown[][],
    send: (...args: unknown[]) => void this.webContents.sent.push(args),
    isDestroyed: () => this.destroyed,
  });
  readonly frame = { url: 'app://confer/index.html', parent: null } as unknown as WebFrameMain;
  url = '';
  visible = false;
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  loadURL = async (url: string) => void (this.url = url);
  show = () => this.setVisible(true, 'show');
  hide = () => this.setVisible(false, 'hide');
  showInactive = () => this.setVisible(true, 'show');
  focus = () => undefined;
  isVisible = () => this.visible;
  focused = false;
  isFocused = () => this.focused;
  isMinimized = () => false;
  isMaximized = () => false;
  isDestroyed = () => this.destroyed;
  setIgnoreMouseEvents = () => undefined;
  setAlwaysOnTop = () => undefined;
  setVisibleOnAllWorkspaces = () => undefined;
  setBounds = () => undefined;
  getBounds = () => ({ x: 0, y: 0, width: 300, height: 132 });
  getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
  close = () => {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  };
  private setVisible(visible: boolean, event: string) {
    this.visible = visible;
    this.emit(event);
  }
  eventsSent(name: string) {
    return this.webContents.sent.filter(([channel]) => channel === windowEventChannel(name)).map(([, payload]) => payload);
  }
}

const noImage = { isEmpty: () => true, toDataURL: () => '' };
const screenSource = { id: 'screen:1:0', name: 'Screen 1', display_id: '1', thumbnail: noImage, appIcon: noImage };
const display = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 0, width: 1440, height: 900 } };
const inCall: CallReport = { inCall: true, reconnecting: false, room: 'standup', audioMuted: false, screenSharing: false };
const noCall: CallReport = { inCall: false, reconnecting: false, room: null, audioMuted: false, screenSharing: false };

/** `systemLanguages` is what the system prefers (`app.getPreferredSystemLanguages()`). */
function platformDouble(userData: string, systemLanguages: readonly string[] = ['en-US']) {
  const windows: FakeWindow[] = [];
  const happened: string[] = [];
  const appEvents = new EventEmitter();
  const shortcuts = new Map<string, () => void>();
  /** The buttons the user presses in the next message boxes (0 is the first). */
  const answers: number[] = [];
  const notifications: { title: string; body: string; click?: () => void }[] = [];
  let invoke: ((event: unknown, envelope: unknown) => Promise<unknown>) | null = null;
  let displayMediaHandler: ((request: unknown, callback: (streams: unknown) => void) => void) | null = null;
  let trayImage = '';
  let trayMenu: MenuItemConstructorOptions[] = [];
  const contentsOf = (frame: WebFrameMain) => windows.find((window) => window.frame === frame)?.webContents;
  const platform = {
    app: Object.assign(appEvents, {
      getPath: () => userData,
      getName: () => 'Confer',
      getVersion: () => '0.1.0',
      getPreferredSystemLanguages: () => [...systemLanguages],
      getLocale: () => systemLanguages[0] ?? 'en-US',
      isPackaged: false,
      quit: () => void happened.push('quit'),
      exit: (code: number) => void happened.push(`exit ${code}`),
    }),
    dialog: {
      showErrorBox: (title: string) => void happened.push(`error box ${title}`),
      showMessageBox: async (options: { message: string; detail?: string }) => {
        happened.push(`message ${options.message}`);
        if (options.detail) happened.push(`detail ${options.detail}`);
        return { response: answers.shift() ?? 1 };
      },
    },
    desktopCapturer: { getSources: async () => [screenSource] },
    globalShortcut: {
      register: (accelerator: string, press: () => void) => Boolean(shortcuts.set(accelerator, press)),
      unregister: (accelerator: string) => void shortcuts.delete(accelerator),
      unregisterAll: () => shortcuts.clear(),
    },
    ipcMain: {
      handle: (channel: string, listener: typeof invoke) => {
        if (channel === IPC_INVOKE_CHANNEL) invoke = listener;
      },
    },
    nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false }),
    net: { fetch: async () => new Response() },
    powerMonitor: Object.assign(new EventEmitter(), { getSystemIdleTime: () => 0 }),
    protocol: { handle: (scheme: string) => void happened.push(`protocol ${scheme}`) },
    screen: Object.assign(new EventEmitter(), { getAllDisplays: () => [display], getPrimaryDisplay: () => display, getDisplayMatching: () => display }),
    session: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      setDisplayMediaRequestHandler: (handler: typeof displayMediaHandler) => {
        displayMediaHandler = handler;
        happened.push('display media handler');
      },
    },
    shell: { openExternal: async () => undefined },
    contentsOfFrame: contentsOf,
    openWindow: (options: BrowserWindowConstructorOptions) => {
      const window = new FakeWindow(options);
      windows.push(window);
      return window as unknown as BrowserWindow;
    },
    createTray: () => ({
      setImage: (image: string) => void (trayImage = image),
      setToolTip: () => undefined,
      setContextMenu: (menu: { template: MenuItemConstructorOptions[] }) => void (trayMenu = menu.template),
      on: () => undefined,
    }),
    buildMenu: (template: MenuItemConstructorOptions[]) => ({ template }),
    notify: (notice: { title: string; body: string }, click?: () => void) => {
      happened.push(`notice ${notice.title}`);
      notifications.push({ ...notice, ...(click ? { click } : {}) });
    },
    startUpdates: () => void happened.push('updates'),
    log: { info: () => undefined, warn: (message: string) => void happened.push(`warn ${message}`), error: () => undefined },
  } as unknown as ShellPlatform;
  const registry = createWindowRegistry<BrowserWindow>({ contentsIdOf: (frame) => contentsOf(frame)?.id });
  const call = (window: FakeWindow, channel: string, payload: unknown) => invoke?.({ senderFrame: window.frame }, { channel, payload });
  const requestDisplayMedia = (window: FakeWindow, granted: (streams: unknown) => void) =>
    displayMediaHandler?.({ frame: window.frame, securityOrigin: 'app://confer', audioRequested: false }, granted);
  return {
    platform,
    registry,
    windows,
    happened,
    appEvents,
    shortcuts,
    answers,
    notifications,
    call,
    requestDisplayMedia,
    trayIcon: () => path.basename(trayImage),
    trayItem: (label: string) => trayMenu.find((item) => item.label === label),
  };
}

let userData = '';
beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'confer-shell-'));
});
afterEach(async () => {
  // Settings writes the shell started may still be landing.
  await rm(userData, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
});

function environment(overrides: Partial<ShellEnvironment> = {}): ShellEnvironment {
  return {
    rendererDirectory: '/app/renderer',
    preloadPath: '/app/preload/index.cjs',
    trayIconDirectory: '/app/tray',
    updateFeedFile: path.join(userData, 'app-update.yml'),
    env: { CONFER_JANUS_URL: 'ws://127.0.0.1:8188', CONFER_SIGNALING_URLS: 'ws://127.0.0.1:4444', CONFER_CONFIG_FILE: path.join(userData, 'none.json') },
    platform: 'linux',
    argv: ['/usr/bin/confer'],
    useSystemPicker: false,
    ...overrides,
  };
}

async function started(overrides: Partial<ShellEnvironment> = {}, systemLanguages?: readonly string[]) {
  const double = platformDouble(userData, systemLanguages);
  const links = createLinkInbox();
  await startShell(double.platform, environment(overrides), double.registry, links);
  const main = double.windows[0] as FakeWindow;
  main.emit('ready-to-show');
  return { ...double, main, openLink: (raw: string) => links.open(raw) };
}

describe('the shell, started against an Electron double', () => {
  test('opens the call window from the app’s origin, with the tray, the protocol, capture and IPC in place', async () => {
    const { main, happened, trayIcon } = await started();
    expect(main.url).toBe('app://confer/index.html');
    expect(main.visible).toBe(true);
    expect(main.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, preload: '/app/preload/index.cjs' });
    expect(trayIcon()).toBe('available-light.png');
    expect(happened).toEqual(['protocol app', 'display media handler']);
  });

  test('a call reported by the call window reaches the tray and holds the mute shortcut', async () => {
    const { main, call, trayIcon, shortcuts, trayItem } = await started();
    await expect(call(main, 'call:report', { ...inCall, audioMuted: true })).resolves.toEqual({ ok: true, value: {} });
    expect(trayIcon()).toBe('muted-light.png');
    expect(trayItem('Unmute')?.enabled).toBe(true);
    shortcuts.get('CommandOrControl+Shift+M')?.();
    expect(main.eventsSent('call:command')).toEqual([{ kind: 'toggle-audio' }]);
    await call(main, 'call:report', noCall);
    expect(shortcuts.size).toBe(0);
  });

  test('hiding the call window during a call opens the mini window, which hears the call and alone sends its buttons', async () => {
    const { main, windows, call } = await started();
    await call(main, 'call:report', inCall);
    expect(windows).toHaveLength(1);
    main.close();
    expect(main.destroyed).toBe(false);
    const mini = windows[1] as FakeWindow;
    expect(mini.url).toBe('app://confer/index.html?view=mini');
    await call(mini, 'window:ready', {});
    expect(mini.eventsSent('call:status')).toEqual([inCall]);
    await expect(call(mini, 'call:report', noCall)).resolves.toMatchObject({ ok: false });
    await call(mini, 'mini:command', { kind: 'show-window' });
    expect(main.visible).toBe(true);
    expect(mini.destroyed).toBe(true);
  });

  test('closing during a call hides to the tray with a notice the first time only; outside a call it closes', async () => {
    const { main, call, happened } = await started();
    await call(main, 'call:report', inCall);
    main.close();
    main.show();
    main.close();
    expect(happened.filter((line) => line.startsWith('notice'))).toEqual(['notice Confer is still in your call']);
    await call(main, 'call:report', noCall);
    main.close();
    expect(main.destroyed).toBe(true);
  });

  test('quitting during a call leaves it first, then quits once the call window reports it left', async () => {
    const { main, call, appEvents, happened } = await started();
    await call(main, 'call:report', inCall);
    let prevented = false;
    appEvents.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(main.eventsSent('call:command')).toEqual([{ kind: 'leave-call' }]);
    await call(main, 'call:report', noCall);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(happened).toContain('quit');
  });

  test('a link in the launch arguments joins once the call window is ready; a bad one is explained', async () => {
    const { main, call, happened } = await started({ argv: ['/usr/bin/confer', 'confer://join/standup'] });
    expect(main.eventsSent('deep-link:join')).toEqual([]);
    await call(main, 'window:ready', {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(main.eventsSent('deep-link:join')).toEqual([{ room: 'standup', server: null, leaveCall: false }]);
    const again = await started({ argv: ['/usr/bin/confer', 'confer://leave/standup'] });
    expect(again.happened).toContain('message Confer cannot open this meeting link');
    expect(happened).not.toContain('message Confer cannot open this meeting link');
  });

  test('a shared screen is chosen in the asking window’s picker and gets the presenter overlay over its display', async () => {
    const { main, windows, call, requestDisplayMedia } = await started();
    await call(main, 'call:report', inCall);
    const granted: unknown[] = [];
    requestDisplayMedia(main, (streams) => granted.push(streams));
    const [request] = main.eventsSent('capture:requested') as { requestId: string }[];
    await expect(call(main, 'capture:list-sources', { requestId: request?.requestId })).resolves.toMatchObject({ ok: true });
    await call(main, 'capture:answer', { requestId: request?.requestId, choice: { sourceId: 'screen:1:0', shareAudio: false } });
    expect(granted).toEqual([{ video: { id: 'screen:1:0', name: 'Screen 1' } }]);
    await expect(call(main, 'call:report', { ...inCall, screenSharing: true })).resolves.toEqual({ ok: true, value: {} });
    const overlay = windows[1] as FakeWindow;
    expect(overlay.url).toBe('app://confer/index.html?view=overlay');
    expect(overlay.options).toMatchObject({ ...display.bounds, transparent: true, focusable: false });
    const drawing = { strokes: [{ color: '#ff0000', width: 4, points: [[0.1, 0.2]] }] };
    await call(main, 'overlay:update', drawing);
    await call(overlay, 'window:ready', {});
    expect(overlay.eventsSent('overlay:content')).toEqual([drawing, drawing]);
    await call(main, 'call:report', inCall);
    expect(overlay.destroyed).toBe(true);
  });

  test('a call that reconnects keeps the tray, the mute shortcut and close-to-tray, and its overlay comes back', async () => {
    const { main, windows, call, requestDisplayMedia, trayIcon, shortcuts } = await started();
    await call(main, 'call:report', inCall);
    requestDisplayMedia(main, () => undefined);
    const [request] = main.eventsSent('capture:requested') as { requestId: string }[];
    await call(main, 'capture:list-sources', { requestId: request?.requestId });
    await call(main, 'capture:answer', { requestId: request?.requestId, choice: { sourceId: 'screen:1:0', shareAudio: false } });
    await call(main, 'call:report', { ...inCall, screenSharing: true });
    expect(windows[1]?.url).toBe('app://confer/index.html?view=overlay');
    // The share's publisher is gone while the call rejoins.
    await expect(call(main, 'call:report', { ...inCall, reconnecting: true })).resolves.toEqual({ ok: true, value: {} });
    expect(trayIcon()).toBe('in-call-light.png');
    expect([...shortcuts.keys()]).toEqual(['CommandOrControl+Shift+M']);
    main.close();
    expect(main.destroyed).toBe(false);
    expect(main.visible).toBe(false);
    // Back in the call with the same screen: the overlay returns over its display, with no new request.
    await call(main, 'call:report', { ...inCall, screenSharing: true });
    const overlays = windows.filter((window) => window.url.endsWith('?view=overlay'));
    expect(overlays.map((window) => window.destroyed)).toEqual([true, false]);
    expect(trayIcon()).toBe('presenting-light.png');
  });

  test('push-to-talk is the call window’s alone: an older settings file’s is handed to it, and the shell neither watches keys nor mutes calls', async () => {
    await writeFile(path.join(userData, 'settings.json'), JSON.stringify({ shortcuts: { pushToTalk: { enabled: true, key: 'F9' } } }));
    const { main, call } = await started();
    expect(main.webContents.listenerCount('before-input-event')).toBe(0);
    await expect(call(main, 'preferences:get-call', {})).resolves.toMatchObject({ ok: true, value: { preferences: { pushToTalk: { enabled: true, code: 'F9' } }, reset: [] } });
    await call(main, 'call:report', inCall);
    main.emit('blur');
    expect(main.eventsSent('call:command')).toEqual([]);
  });

  test('a link during a call to another room asks first: staying drops it, leaving sends it on as agreed', async () => {
    const { main, call, answers, happened, openLink: links } = await started();
    await call(main, 'window:ready', {});
    await call(main, 'call:report', inCall);
    answers.push(1);
    links('confer://join/retro');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(happened).toContain('message Leave the call in standup and join retro?');
    expect(main.eventsSent('deep-link:join')).toEqual([]);
    answers.push(0);
    links('confer://join/retro');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(main.eventsSent('deep-link:join')).toEqual([{ room: 'retro', server: null, leaveCall: true }]);
  });

  test('activity in the call notifies only while the call window is in the background and not in do-not-disturb', async () => {
    const { main, call, notifications, trayItem } = await started();
    await call(main, 'call:report', inCall);
    main.focused = true;
    await call(main, 'call:notify-activity', { kind: 'chat', name: 'Bob', text: 'hi' });
    expect(notifications).toEqual([]);
    main.focused = false;
    main.hide();
    await call(main, 'call:notify-activity', { kind: 'chat', name: 'Bob', text: 'still there?' });
    expect(notifications.map(({ title, body }) => `${title}: ${body}`)).toEqual(['Bob: still there?']);
    notifications[0]?.click?.();
    expect(main.visible).toBe(true);
    const status = trayItem('Set status (Available)')?.submenu as { label: string; click: () => void }[];
    status.find((item) => item.label === 'Do not disturb')?.click();
    await call(main, 'call:notify-activity', { kind: 'hand', name: 'Bob' });
    expect(notifications).toHaveLength(1);
  });

  test('the tray, notifications and the close notice speak the system’s language, until the settings screen chooses another', async () => {
    const { main, call, notifications, trayItem } = await started({}, ['de-DE', 'en-US']);
    expect(trayItem('Confer anzeigen')?.enabled).toBe(true);
    await call(main, 'call:report', { ...inCall, audioMuted: true });
    expect(trayItem('Stummschaltung aufheben')?.enabled).toBe(true);
    expect(trayItem('Anruf verlassen')?.enabled).toBe(true);
    main.hide();
    await call(main, 'call:notify-activity', { kind: 'hand', name: 'Bob' });
    main.show();
    main.close();
    expect(notifications.map(({ title, body }) => `${title}: ${body}`)).toEqual([
      'Hand gehoben: Bob hat die Hand gehoben',
      'Confer ist noch in Ihrem Anruf: Das Fenster ist ausgeblendet, nicht geschlossen. Über das Symbol im Infobereich zeigen Sie es wieder an, verlassen den Anruf oder beenden Confer.',
    ]);
    await expect(call(main, 'preferences:save-call', { ...DEFAULT_CALL_PREFERENCES, language: 'en' })).resolves.toMatchObject({ ok: true });
    expect(trayItem('Unmute')?.enabled).toBe(true);
    expect(trayItem('Stummschaltung aufheben')).toBeUndefined();
  });

  test('a refused link is explained in the user’s language', async () => {
    const { happened } = await started({ argv: ['/usr/bin/confer', 'confer://leave/standup'] }, ['de-DE']);
    expect(happened).toContain('message Confer kann diesen Besprechungslink nicht öffnen');
    expect(happened).toContain('detail Confer-Links beginnen mit confer://join/, gefolgt vom Raumnamen.');
  });

  test('a language the system has no catalogue for falls back to English', async () => {
    const { trayItem } = await started({}, ['fr-FR']);
    expect(trayItem('Show Confer')?.enabled).toBe(true);
  });

  test('a language hand-edited into the settings file that Confer does not know is not used: the system’s applies', async () => {
    await writeFile(path.join(userData, 'settings.json'), JSON.stringify({ call: { language: 'xx' } }));
    const { trayItem } = await started({}, ['de-DE']);
    expect(trayItem('Confer anzeigen')?.enabled).toBe(true);
  });

  test('without a server configuration nothing opens: the user is told why and the app exits', async () => {
    const double = platformDouble(userData);
    await startShell(double.platform, environment({ env: { CONFER_CONFIG_FILE: path.join(userData, 'none.json') } }), double.registry, createLinkInbox());
    expect(double.happened).toEqual(['error box Confer cannot start', 'exit 1']);
    expect(double.windows).toEqual([]);
  });
});
