import { z } from 'zod';
import { IceServerSchema, RuntimeConfigSchema, type RuntimeConfig } from './runtime-config.js';

/** The settings file: every key optional, unknown keys refused so that typos surface. */
export const SettingsFileSchema = z.strictObject({
  servers: RuntimeConfigSchema.partial().optional(),
});
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

/**
 * The environment variable of every server setting; they override the
 * settings file key by key. Lists are comma-separated, ICE servers JSON.
 */
export const SERVER_ENV = {
  janusUrl: 'CONFER_JANUS_URL',
  janusNodes: 'CONFER_JANUS_NODES',
  signalingUrls: 'CONFER_SIGNALING_URLS',
  iceServers: 'CONFER_ICE_SERVERS',
  turnCredentialsUrl: 'CONFER_TURN_CREDENTIALS_URL',
  iceTransportPolicy: 'CONFER_ICE_TRANSPORT_POLICY',
  otlpMetricsUrl: 'CONFER_OTLP_METRICS_URL',
  recordingsUrl: 'CONFER_RECORDINGS_URL',
  janusToken: 'CONFER_JANUS_TOKEN',
  janusApiSecret: 'CONFER_JANUS_API_SECRET',
  controlPlaneUrl: 'CONFER_CONTROL_PLANE_URL',
  dynacast: 'CONFER_DYNACAST',
} as const satisfies Record<keyof RuntimeConfig, string>;

/**
 * A global board password was served to every web page that asked, so it
 * protected nothing; boards in a call now follow the room's PIN. A setting
 * that still names it is refused with that reason rather than ignored.
 */
const RETIRED_BOARD_PASSWORD = { key: 'boardPassword', variable: 'CONFER_BOARD_PASSWORD' } as const;
const RETIRED_BOARD_PASSWORD_PROBLEM =
  'the board password (servers.boardPassword, CONFER_BOARD_PASSWORD) is no longer used: a board in a call follows the room\u2019s PIN; remove it';

function namesRetiredBoardPassword(env: Environment, settingsFile: unknown): boolean {
  const servers = typeof settingsFile === 'object' && settingsFile !== null ? (settingsFile as { servers?: unknown }).servers : undefined;
  const inFile = typeof servers === 'object' && servers !== null && RETIRED_BOARD_PASSWORD.key in servers;
  return inFile || nonEmpty(env[RETIRED_BOARD_PASSWORD.variable]) !== undefined;
}

/** The inverse: a configuration as environment variables, to hand to a child process. */
export function serverEnvOf(config: RuntimeConfig): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, variable] of Object.entries(SERVER_ENV) as Array<[keyof RuntimeConfig, string]>) {
    const value = config[key];
    if (value === undefined) continue;
    env[variable] = key === 'iceServers' ? JSON.stringify(value) : Array.isArray(value) ? value.join(',') : String(value);
  }
  return env;
}

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

function parseSwitchVariable(variable: string, raw: string, problems: string[]): boolean | undefined {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  problems.push(`${variable} must be true or false`);
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof z.ZodError) return z.prettifyError(error).replaceAll('\n', '; ');
  return error instanceof Error ? error.message : String(error);
}

/**
 * A node list stands for the Janus URL when that is not set (its first
 * node); a Janus URL set beside it must be one of its nodes, or calls and
 * what runs outside them (recordings) would talk to different servers.
 */
function reconcileJanusNodes(merged: Record<string, unknown>): string | null {
  const nodes = merged.janusNodes;
  if (!Array.isArray(nodes) || nodes.length === 0) return null;
  if (merged.janusUrl === undefined) {
    merged.janusUrl = nodes[0];
    return null;
  }
  return nodes.includes(merged.janusUrl) ? null : `${SERVER_ENV.janusUrl} (${String(merged.janusUrl)}) must be one of the Janus nodes (${SERVER_ENV.janusNodes})`;
}

/**
 * Merges the settings file and the environment into one validated server configuration.
 * `settingsFile` is whatever JSON was read from disk: it is validated here.
 */
export function resolveServerConfig(env: Environment, settingsFile: unknown): ServerConfigResolution {
  if (namesRetiredBoardPassword(env, settingsFile)) return { kind: 'invalid', problems: [RETIRED_BOARD_PASSWORD_PROBLEM] };
  const problems: string[] = [];
  const file = SettingsFileSchema.safeParse(settingsFile ?? {});
  if (!file.success) problems.push(`settings file: ${describe(file.error)}`);
  const fromFile = file.success ? (file.data.servers ?? {}) : {};

  const merged: Record<string, unknown> = { ...fromFile };
  for (const [key, variable] of Object.entries(SERVER_ENV) as Array<[keyof RuntimeConfig, string]>) {
    const value = nonEmpty(env[variable]);
    if (value === undefined) continue;
    if (key === 'iceServers') merged[key] = parseIceServersVariable(value, problems);
    else if (key === 'dynacast') merged[key] = parseSwitchVariable(variable, value, problems);
    else if (key === 'signalingUrls' || key === 'janusNodes') merged[key] = value.split(',').map((url) => url.trim()).filter(Boolean);
    else merged[key] = value;
  }

  if (problems.length > 0) return { kind: 'invalid', problems };
  const nodesProblem = reconcileJanusNodes(merged);
  if (nodesProblem) return { kind: 'invalid', problems: [nodesProblem] };
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
