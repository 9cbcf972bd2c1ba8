import path from 'node:path';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import { loadServerConfig } from '../config/server-config-source.js';
import { storedCallPreferences } from '../settings/call-preference-store.js';
import { openJsonStore, type JsonStore } from '../settings/json-store.js';
import { PreferencesSchema, type Preferences } from '../settings/preferences.js';
import type { ShellMessages } from '../../../shared/desktop/shell-messages.js';
import { shellWords } from './shell-language.js';
import type { ShellEnvironment, ShellPlatform } from './shell-platform.js';

export interface StartupSettings {
  readonly preferences: JsonStore<Preferences>;
  readonly runtimeConfig: RuntimeConfig;
  /** The shell's words in the language of the settings screen, else the system's. */
  readonly words: () => ShellMessages;
}

/**
 * The user's preferences (recovered from a corrupt file if need be) and
 * the server configuration. Without a valid configuration nothing starts:
 * the user is told why and where the file is, and the app exits.
 */
export async function loadStartupSettings(
  platform: Pick<ShellPlatform, 'app' | 'dialog' | 'log'>,
  environment: Pick<ShellEnvironment, 'env'>,
): Promise<StartupSettings | null> {
  const { app, dialog, log } = platform;
  const { store: preferences, outcome } = await openJsonStore(path.join(app.getPath('userData'), 'settings.json'), PreferencesSchema);
  if (outcome.kind === 'recovered') {
    log.warn(`settings.json was unreadable (${outcome.problem}); kept it as ${outcome.keptAt} and started from defaults`);
  }

  const words = shellWords({
    chosen: () => storedCallPreferences(preferences.get()).preferences.language,
    system: () => [...app.getPreferredSystemLanguages(), app.getLocale()],
  });

  const serverConfig = await loadServerConfig(environment.env, path.join(app.getPath('userData'), 'config.json'));
  if (serverConfig.kind !== 'configured') {
    const { startup } = words();
    const reason = serverConfig.kind === 'invalid' ? serverConfig.problems.join('\n') : startup.noServers;
    log.error('server configuration:', reason);
    dialog.showErrorBox(startup.cannotStart, `${reason}\n\n${startup.settingsFile(serverConfig.settingsPath)}`);
    app.exit(1);
    return null;
  }
  return { preferences, runtimeConfig: serverConfig.config, words };
}
