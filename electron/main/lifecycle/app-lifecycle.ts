import type { App } from 'electron';
import { deepLinkFromArgv } from '../deep-link/deep-link.js';

export interface AppLifecycleOptions {
  readonly app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'exit' | 'on' | 'whenReady'>;
  readonly showMainWindow: () => void;
  readonly openDeepLink: (raw: string) => void;
  /** Everything that needs Electron ready. */
  readonly start: () => Promise<void>;
  readonly logError: (message: string, error: unknown) => void;
}

/**
 * One Confer per user: a second copy hands its arguments (and any link)
 * to the first and quits. The first starts once Electron is ready, and
 * quits when its last window closes.
 */
export function runApp(options: AppLifecycleOptions): void {
  const { app } = options;
  if (!app.requestSingleInstanceLock()) {
    // Another Confer is running: it receives our arguments (and any link) through 'second-instance'.
    app.quit();
    return;
  }
  app.on('second-instance', (_event, argv) => {
    options.showMainWindow();
    const link = deepLinkFromArgv(argv);
    if (link) options.openDeepLink(link);
  });
  // macOS delivers links as events, possibly before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    options.openDeepLink(url);
  });
  app.on('activate', options.showMainWindow);
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(options.start, (error: unknown) => {
    options.logError('startup failed', error);
    app.exit(1);
  });
}

/**
 * Links that arrive before the configuration is loaded (macOS sends
 * open-url very early) wait here, and go to the dispatcher once it exists.
 */
export function createLinkInbox() {
  const early: string[] = [];
  let deliver: ((raw: string) => void) | null = null;
  return {
    open(raw: string): void {
      if (deliver) deliver(raw);
      else early.push(raw);
    },
    /** From now on links go to `dispatch`, those that waited first. */
    connect(dispatch: (raw: string) => void): void {
      deliver = dispatch;
      for (const raw of early.splice(0)) dispatch(raw);
    },
  };
}

export type LinkInbox = ReturnType<typeof createLinkInbox>;
