import { z } from 'zod';
import { IceServerSchema, RuntimeConfigSchema, type RuntimeConfig } from './runtime-config.js';

/** The settings file: every key optional, unknown keys refused so that typos surface. */
export const SettingsFileSchema = z.strictObject({
  servers: RuntimeConfigSchema.partial().optional(),
});
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

/** Environment variables that configure the servers; they override the settings file key by key. */
export const SERVER_ENV = {
  janusUrl: 'CONFER_JANUS_URL',
  signalingUrls: 'CONFER_SIGNALING_URLS',
  iceServers: 'CONFER_ICE_SERVERS',
  turnCredentialsUrl: 'CONFER_TURN_CREDENTIALS_URL',
  boardPassword: 'CONFER_BOARD_PASSWORD',
} as const;

export type ServerConfigResolution =
  | { readonly kind: 'configured'; readonly config: RuntimeConfig }
  /** No Janus configured anywhere: the launcher starts the local stack. */
  | { readonly kind: 'embedded' }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

type Environment = Readonly<Record<string, string | undefined>>;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseIceServersVariable(raw: string, problems: string[]): unknown {
  try {
    return z.array(IceServerSchema).parse(JSON.parse(raw));
  } catch (error) {
    problems.push(`${SERVER_ENV.iceServers} must be a JSON array of ICE servers (${describe(error)})`);
    return undefined;
  }
}

function describe(error: unknown): string {
  if (error instanceof z.ZodError) return z.prettifyError(error).replaceAll('\n', '; ');
  return error instanceof Error ? error.message : String(error);
}

/**
 * Merges the settings file and the environment into one validated server configuration.
 * `settingsFile` is whatever JSON was read from disk: it is validated here.
 */
export function resolveServerConfig(env: Environment, settingsFile: unknown): ServerConfigResolution {
  const problems: string[] = [];
  const file = SettingsFileSchema.safeParse(settingsFile ?? {});
  if (!file.success) problems.push(`settings file: ${describe(file.error)}`);
  const fromFile = file.success ? (file.data.servers ?? {}) : {};

  const merged: Record<string, unknown> = { ...fromFile };
  const janusUrl = nonEmpty(env[SERVER_ENV.janusUrl]);
  if (janusUrl) merged.janusUrl = janusUrl;
  const signaling = nonEmpty(env[SERVER_ENV.signalingUrls]);
  if (signaling) merged.signalingUrls = signaling.split(',').map((url) => url.trim()).filter(Boolean);
  const iceServers = nonEmpty(env[SERVER_ENV.iceServers]);
  if (iceServers) merged.iceServers = parseIceServersVariable(iceServers, problems);
  const turnCredentialsUrl = nonEmpty(env[SERVER_ENV.turnCredentialsUrl]);
  if (turnCredentialsUrl) merged.turnCredentialsUrl = turnCredentialsUrl;
  const boardPassword = nonEmpty(env[SERVER_ENV.boardPassword]);
  if (boardPassword) merged.boardPassword = boardPassword;

  if (problems.length > 0) return { kind: 'invalid', problems };
  if (merged.janusUrl === undefined) {
    if (merged.signalingUrls !== undefined) {
      return { kind: 'invalid', problems: [`signaling servers are set but no Janus URL (${SERVER_ENV.janusUrl})`] };
    }
    return { kind: 'embedded' };
  }
  const config = RuntimeConfigSchema.safeParse({ iceServers: [], ...merged });
  if (!config.success) {
    return {
      kind: 'invalid',
      problems: config.error.issues.map((issue) => `${issue.path.join('.') || 'servers'}: ${issue.message}`),
    };
  }
  return { kind: 'configured', config: config.data };
}
