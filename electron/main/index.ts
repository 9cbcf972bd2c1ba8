import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, ipcMain, net, protocol, session, shell } from 'electron';
import log from 'electron-log/main';
import { buildContentSecurityPolicy } from '../../shared/security/content-security-policy.js';
import { loadServerConfig } from './config/server-config-source.js';
import { createIpcRouter, registerIpcRouter } from './ipc/ipc-router.js';
import { APP_ENTRY_URL, isAppTopFrame } from './security/app-origin.js';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './security/app-protocol.js';
import { applyNavigationPolicy, applyPermissionPolicy } from './security/web-contents-policy.js';
import { mainWindowOptions, showWhenReady } from './window/main-window.js';

const outputDirectory = path.dirname(fileURLToPath(import.meta.url));
const rendererDirectory = path.join(outputDirectory, '../renderer');
const preloadPath = path.join(outputDirectory, '../preload/index.cjs');

log.initialize();
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | null = null;

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const serverConfig = await loadServerConfig(process.env, path.join(app.getPath('userData'), 'config.json'));
  if (serverConfig.kind !== 'configured') {
    const reason =
      serverConfig.kind === 'invalid'
        ? serverConfig.problems.join('\n')
        : 'No servers are configured. Start Confer with `npm start`, which runs the local stack, or set CONFER_JANUS_URL and CONFER_SIGNALING_URLS.';
    log.error('server configuration:', reason);
    const { dialog } = await import('electron');
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
  app.on('web-contents-created', (_event, contents) => applyNavigationPolicy(contents, shell));

  registerIpcRouter(
    ipcMain,
    createIpcRouter(
      {
        getRuntimeConfig: () => runtimeConfig,
        getAppInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform }),
      },
      isAppTopFrame,
    ),
  );

  mainWindow = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  showWhenReady(mainWindow);
  await mainWindow.loadURL(APP_ENTRY_URL);
}

if (!app.requestSingleInstanceLock()) {
  // Another Confer is running: it receives our arguments through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    log.error('startup failed', error);
    app.exit(1);
  });
}
