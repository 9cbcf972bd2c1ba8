import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  DesktopCapturer,
  Dialog,
  GlobalShortcut,
  IpcMain,
  Menu,
  MenuItemConstructorOptions,
  NativeTheme,
  Net,
  PowerMonitor,
  Protocol,
  Screen,
  Session,
  Shell,
  Tray,
  WebContents,
  WebFrameMain,
} from 'electron';
import type { UpdatePlan } from '../updates/auto-update.js';

/** The main-process log (electron-log in the app). */
export interface ShellLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, ...details: unknown[]): void;
}

/**
 * What the shell takes from Electron, typed with Electron's own types.
 * `index.ts` hands over Electron's modules and wraps its constructors, so
 * that nothing else in the main process imports Electron at run time.
 */
export interface ShellPlatform {
  readonly app: Pick<App, 'getPath' | 'getName' | 'getVersion' | 'getLocale' | 'getPreferredSystemLanguages' | 'isPackaged' | 'on' | 'quit' | 'exit'>;
  readonly dialog: Pick<Dialog, 'showErrorBox' | 'showMessageBox'>;
  readonly desktopCapturer: Pick<DesktopCapturer, 'getSources'>;
  readonly globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister' | 'unregisterAll'>;
  readonly ipcMain: Pick<IpcMain, 'handle'>;
  readonly nativeTheme: Pick<NativeTheme, 'on' | 'shouldUseDarkColors' | 'shouldUseDarkColorsForSystemIntegratedUI'>;
  readonly net: Pick<Net, 'fetch'>;
  readonly powerMonitor: Pick<PowerMonitor, 'getSystemIdleTime' | 'on' | 'removeListener'>;
  readonly protocol: Pick<Protocol, 'handle'>;
  readonly screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching' | 'on' | 'removeListener'>;
  /** The default session, which every Confer window uses. */
  readonly session: Session;
  readonly shell: Pick<Shell, 'openExternal'>;
  /** The contents a frame belongs to (`webContents.fromFrame`). */
  readonly contentsOfFrame: (frame: WebFrameMain) => WebContents | undefined;
  readonly openWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly createTray: (iconPath: string) => Tray;
  readonly buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  /** Shows a system notification where the platform has them; `onClick` when the user clicks it. */
  readonly notify: (notice: { readonly title: string; readonly body: string }, onClick?: () => void) => void;
  /** Starts electron-updater on an enabled plan. */
  readonly startUpdates: (plan: Extract<UpdatePlan, { kind: 'enabled' }>) => void;
  readonly log: ShellLog;
}

/** Where the shell finds its files, and the process facts it depends on. */
export interface ShellEnvironment {
  readonly rendererDirectory: string;
  readonly preloadPath: string;
  readonly trayIconDirectory: string;
  /** electron-builder's app-update.yml: present when the package was built with a feed. */
  readonly updateFeedFile: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly argv: readonly string[];
  /** Wayland: the system's own picker chooses what to share. */
  readonly useSystemPicker: boolean;
}
