import { homedir } from 'node:os';
import path from 'node:path';

/** Electron's `userData` folder for an app named Confer, computed without Electron for the launch scripts. */
export function userDataDirectory(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), 'Confer');
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', 'Confer');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'Confer');
}

export function defaultSettingsPath(env: Readonly<Record<string, string | undefined>>): string {
  return path.join(userDataDirectory(env), 'config.json');
}
