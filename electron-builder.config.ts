import type { Configuration } from 'electron-builder';

/**
 * The generic update feed this build checks (electron-updater reads it from
 * the app-update.yml electron-builder writes). Set at build time; a build
 * without it does not update itself. See README "Updates".
 */
const updateFeedUrl = process.env.CONFER_UPDATE_FEED_URL;

/**
 * Installers for Linux (AppImage, deb), macOS (dmg) and Windows (nsis).
 * `npm run dist` builds them on a machine that can download Electron.
 */
const config: Configuration = {
  appId: 'app.confer.desktop',
  productName: 'Confer',
  directories: { output: 'dist', buildResources: 'build' },
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json'],
  // Tray icons are loaded by path at run time, so they ship beside the asar, not inside it.
  extraResources: [{ from: 'build/tray', to: 'tray', filter: ['*.png'] }],
  ...(updateFeedUrl ? { publish: [{ provider: 'generic' as const, url: updateFeedUrl }] } : {}),
  asar: true,
  protocols: [{ name: 'Confer meeting link', schemes: ['confer'] }],
  // Every fuse is set explicitly: the packaged app cannot be turned into a
  // general Node runtime, and only its own integrity-checked asar loads.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
    resetAdHocDarwinSignature: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Network;VideoConference',
    icon: 'build/icons',
    mimeTypes: ['x-scheme-handler/confer'],
    desktop: { entry: { StartupWMClass: 'Confer' } },
  },
  deb: { depends: ['libnotify4', 'libxtst6', 'libnss3'] },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.business',
    icon: 'build/icon.png',
    hardenedRuntime: true,
    extendInfo: {
      NSCameraUsageDescription: 'Confer uses your camera in meetings.',
      NSMicrophoneUsageDescription: 'Confer uses your microphone in meetings.',
    },
  },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};

export default config;
