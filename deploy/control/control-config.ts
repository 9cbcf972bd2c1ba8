import { z } from 'zod';
import type { RateLimit } from './rate-limiter.js';
import type { JanusNodeAddress } from './janus-node.js';

const Port = z.coerce.number().int().min(1).max(65535);
/** From 5 s, so tests can watch a token expire and be swept; up to a week. */
const Seconds = z.coerce.number().int().min(5).max(7 * 24 * 3600);
const Flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');
const JanusNodesSchema = z
  .array(
    z.strictObject({
      url: z.url({ protocol: /^wss?$/ }),
      adminUrl: z.url({ protocol: /^wss?$/ }),
      adminSecret: z.string().min(8),
    }),
  )
  .min(1);

/** The control plane's environment. Secrets have no default: a deployment that forgot one must not start. */
const ControlEnvSchema = z.object({
  CONFER_CONTROL_SECRET: z.string().min(32, 'use at least 32 characters'),
  CONFER_CONTROL_NODES: z.string().transform((text, context) => {
    try {
      return JanusNodesSchema.parse(JSON.parse(text));
    } catch (error) {
      context.addIssue({ code: 'custom', message: `a JSON array of {url, adminUrl, adminSecret} (${error instanceof Error ? error.message : String(error)})` });
      return z.NEVER;
    }
  }),
  CONFER_CONTROL_ADMIN_KEY: z.string().min(16),
  CONFER_CONTROL_HOST: z.string().default('127.0.0.1'),
  CONFER_CONTROL_PORT: Port.default(8191),
  CONFER_CONTROL_TURN_SECRET: z.string().min(8).optional(),
  CONFER_CONTROL_TURN_URIS: z.string().optional(),
  CONFER_CONTROL_JANUS_TOKEN_TTL: Seconds.default(600),
  CONFER_CONTROL_TURN_TTL: Seconds.default(600),
  CONFER_CONTROL_RENEWAL_TTL: Seconds.default(12 * 3600),
  CONFER_CONTROL_RATE_BURST: z.coerce.number().int().min(1).default(10),
  CONFER_CONTROL_RATE_PER_MINUTE: z.coerce.number().min(0.1).default(30),
  CONFER_CONTROL_SWEEP_SECONDS: z.coerce.number().int().min(1).default(30),
  CONFER_CONTROL_AUDIT_FILE: z.string().optional(),
  CONFER_CONTROL_TRUST_PROXY: Flag.default(false),
});

export interface ControlConfig {
  readonly secret: string;
  readonly nodes: readonly JanusNodeAddress[];
  /** VideoRoom `admin_key`: needed to create rooms, held only here. */
  readonly adminKey: string;
  readonly host: string;
  readonly port: number;
  readonly turn: { readonly secret: string; readonly uris: readonly string[] } | null;
  readonly janusTokenTtlSeconds: number;
  readonly turnTtlSeconds: number;
  /** How long a call may keep renewing its token and TURN credentials after joining. */
  readonly renewalTtlSeconds: number;
  readonly rateLimit: RateLimit;
  readonly sweepSeconds: number;
  readonly auditFile: string | undefined;
  /** Behind a load balancer: take the client's address from X-Forwarded-For. */
  readonly trustProxy: boolean;
}

export function controlConfigFromEnv(env: Readonly<Record<string, string | undefined>>): ControlConfig {
  const parsed = ControlEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`control plane settings: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const values = parsed.data;
  const uris = values.CONFER_CONTROL_TURN_URIS?.split(',').map((uri) => uri.trim()).filter(Boolean) ?? [];
  if ((values.CONFER_CONTROL_TURN_SECRET === undefined) !== (uris.length === 0)) {
    throw new Error('control plane settings: CONFER_CONTROL_TURN_SECRET and CONFER_CONTROL_TURN_URIS go together');
  }
  const badUri = uris.find((uri) => !/^turns?:/.test(uri));
  if (badUri) throw new Error(`control plane settings: CONFER_CONTROL_TURN_URIS: ${badUri} is not a turn: or turns: URI`);
  return {
    secret: values.CONFER_CONTROL_SECRET,
    nodes: values.CONFER_CONTROL_NODES,
    adminKey: values.CONFER_CONTROL_ADMIN_KEY,
    host: values.CONFER_CONTROL_HOST,
    port: values.CONFER_CONTROL_PORT,
    turn: values.CONFER_CONTROL_TURN_SECRET ? { secret: values.CONFER_CONTROL_TURN_SECRET, uris } : null,
    janusTokenTtlSeconds: values.CONFER_CONTROL_JANUS_TOKEN_TTL,
    turnTtlSeconds: values.CONFER_CONTROL_TURN_TTL,
    renewalTtlSeconds: values.CONFER_CONTROL_RENEWAL_TTL,
    rateLimit: { burst: values.CONFER_CONTROL_RATE_BURST, perMinute: values.CONFER_CONTROL_RATE_PER_MINUTE },
    sweepSeconds: values.CONFER_CONTROL_SWEEP_SECONDS,
    auditFile: values.CONFER_CONTROL_AUDIT_FILE,
    trustProxy: values.CONFER_CONTROL_TRUST_PROXY,
  };
}

/** The inverse, for a launcher handing this configuration to a control-plane process. */
export function controlEnvOf(config: ControlConfig): Record<string, string> {
  return {
    CONFER_CONTROL_SECRET: config.secret,
    CONFER_CONTROL_NODES: JSON.stringify(config.nodes),
    CONFER_CONTROL_ADMIN_KEY: config.adminKey,
    CONFER_CONTROL_HOST: config.host,
    CONFER_CONTROL_PORT: String(config.port),
    ...(config.turn ? { CONFER_CONTROL_TURN_SECRET: config.turn.secret, CONFER_CONTROL_TURN_URIS: config.turn.uris.join(',') } : {}),
    CONFER_CONTROL_JANUS_TOKEN_TTL: String(config.janusTokenTtlSeconds),
    CONFER_CONTROL_TURN_TTL: String(config.turnTtlSeconds),
    CONFER_CONTROL_RENEWAL_TTL: String(config.renewalTtlSeconds),
    CONFER_CONTROL_RATE_BURST: String(config.rateLimit.burst),
    CONFER_CONTROL_RATE_PER_MINUTE: String(config.rateLimit.perMinute),
    CONFER_CONTROL_SWEEP_SECONDS: String(config.sweepSeconds),
    ...(config.auditFile ? { CONFER_CONTROL_AUDIT_FILE: config.auditFile } : {}),
    CONFER_CONTROL_TRUST_PROXY: config.trustProxy ? '1' : '0',
  };
}
