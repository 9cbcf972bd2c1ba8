import { readFile } from 'node:fs/promises';
import { resolveServerConfig, type ServerConfigResolution } from '../../../shared/config/server-config.js';

/** Environment variable naming the settings file; it wins over the default location. */
export const SETTINGS_FILE_ENV = 'CONFER_CONFIG_FILE';

/**
 * Reads the settings file (absent is fine, unreadable or non-JSON is a
 * problem to report) and resolves it with the environment.
 */
export async function loadServerConfig(
  env: Readonly<Record<string, string | undefined>>,
  defaultSettingsPath: string,
): Promise<ServerConfigResolution & { readonly settingsPath: string }> {
  const settingsPath = env[SETTINGS_FILE_ENV] || defaultSettingsPath;
  let text: string | undefined;
  try {
    text = await readFile(settingsPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      return { kind: 'invalid', problems: [`cannot read ${settingsPath}: ${(error as Error).message}`], settingsPath };
    }
  }
  let json: unknown;
  if (text !== undefined) {
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { kind: 'invalid', problems: [`${settingsPath} is not valid JSON: ${(error as Error).message}`], settingsPath };
    }
  }
  return { ...resolveServerConfig(env, json), settingsPath };
}
