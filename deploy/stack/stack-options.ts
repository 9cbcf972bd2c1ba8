import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const Port = z.coerce.number().int().min(1).max(65535);
const PortRange = z.string().regex(/^\d{1,5}-\d{1,5}$/, 'use FROM-TO, such as 20000-20999');
const Flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

/** Environment variables of the local stack, with their defaults. */
const StackEnvSchema = z.object({
  CONFER_STACK_JANUS_PORT: Port.default(8188),
  CONFER_STACK_JANUS_ADMIN_PORT: Port.default(7188),
  CONFER_STACK_SIGNALING_PORT: Port.default(4444),
  CONFER_STACK_RTP_PORTS: PortRange.default('20000-20999'),
  CONFER_STACK_TURN: Flag.default(false),
  CONFER_STACK_TURN_PORT: Port.default(3478),
  CONFER_STACK_TURN_RELAY_PORTS: PortRange.default('49160-49400'),
  CONFER_STACK_TURN_CREDENTIALS_PORT: Port.default(8190),
  CONFER_STACK_CONTROL: Flag.default(false),
  CONFER_STACK_CONTROL_PORT: Port.default(8191),
  CONFER_STACK_ICE_INTERFACE: z.string().regex(/^[A-Za-z0-9_.,-]+$/).optional(),
  CONFER_STACK_JANUS_PUBLIC_ADDRESS: z.ipv4().optional(),
  CONFER_STACK_RUN_DIR: z.string().optional(),
  CONFER_STACK_RECORDINGS_DIR: z.string().optional(),
  CONFER_STACK_RECORDINGS_PORT: Port.default(8192),
  CONFER_JANUS_LIB_DIR: z.string().optional(),
  // Another VideoRoom configuration, used as it is (such as Debian's /etc/janus/janus.plugin.videoroom.jcfg).
  CONFER_STACK_JANUS_VIDEOROOM_CONFIG: z.string().regex(/\.jcfg$/, 'must name a .jcfg file').optional(),
  CONFER_STACK_JANUS_TOKEN_AUTH: Flag.default(false),
  CONFER_STACK_JANUS_API_SECRET: z.string().regex(/^[!#-~]{8,512}$/, 'must be 8 to 512 printable characters, without spaces or quotes').optional(),
  // Secrets: never defaulted to a fixed value. Absent means a fresh random one for this run.
  CONFER_JANUS_ADMIN_SECRET: z.string().min(8).optional(),
  CONFER_TURN_SECRET: z.string().min(8).optional(),
  CONFER_CONTROL_SECRET: z.string().min(32).optional(),
  // Written into Janus's VideoRoom config: no quotes or spaces.
  CONFER_CONTROL_ADMIN_KEY: z.string().regex(/^[A-Za-z0-9_-]{16,}$/, 'use 16 or more letters, digits, _ or -').optional(),
});

export interface StackOptions {
  readonly janusPort: number;
  readonly janusAdminPort: number;
  readonly signalingPort: number;
  readonly rtpPortRange: string;
  readonly turn: { readonly port: number; readonly relayPortRange: readonly [number, number]; readonly credentialsPort: number; readonly secret: string } | null;
  readonly iceInterface: string | undefined;
  /** The only address Janus advertises (NAT 1:1), for an impairment relay in front of it. */
  readonly janusPublicAddress: string | undefined;
  readonly runDirectory: string | undefined;
  /** Where Janus writes recordings and the stack its playable files; default `<run directory>/recordings`. */
  readonly recordingsDirectory: string | undefined;
  /** The recordings HTTP server's port on loopback (0 picks a free one). */
  readonly recordingsPort: number;
  readonly janusLibraryDirectory: string | undefined;
  readonly janusAdminSecret: string;
  /** A VideoRoom configuration file Janus reads unchanged instead of Confer's own; undefined for Confer's. */
  readonly janusVideoRoomConfig: string | undefined;
  /** Janus admits only requests carrying a token added through the admin API (`token_auth`). */
  readonly janusTokenAuth: boolean;
  /** Janus admits only requests carrying this `apisecret`; undefined for none. */
  readonly janusApiSecret: string | undefined;
  /**
   * The control plane (deploy/control/): when on, Janus requires tokens and
   * only the control plane creates rooms, and TURN credentials come only
   * with an admission.
   */
  readonly control: {
    readonly port: number;
    readonly secret: string;
    readonly adminKey: string;
    /** The control plane's own lifetimes, sweep and rate limit (CONFER_CONTROL_*), as they were set: it checks them itself. */
    readonly settings: Readonly<Record<string, string>>;
  } | null;
}

/** Control-plane variables the stack hands through unchanged, for short-lived tokens in a test or a stricter limit. */
const CONTROL_TUNING = [
  'CONFER_CONTROL_JANUS_TOKEN_TTL',
  'CONFER_CONTROL_TURN_TTL',
  'CONFER_CONTROL_RENEWAL_TTL',
  'CONFER_CONTROL_SWEEP_SECONDS',
  'CONFER_CONTROL_RATE_BURST',
  'CONFER_CONTROL_RATE_PER_MINUTE',
] as const;

function controlTuning(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(CONTROL_TUNING.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
}

function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

function parseRange(range: string): [number, number] {
  const [from, to] = range.split('-').map(Number) as [number, number];
  if (from > to) throw new Error(`port range ${range} runs backwards`);
  return [from, to];
}

export function stackOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): StackOptions {
  const parsed = StackEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`local stack settings: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const values = parsed.data;
  parseRange(values.CONFER_STACK_RTP_PORTS);
  return {
    janusPort: values.CONFER_STACK_JANUS_PORT,
    janusAdminPort: values.CONFER_STACK_JANUS_ADMIN_PORT,
    signalingPort: values.CONFER_STACK_SIGNALING_PORT,
    rtpPortRange: values.CONFER_STACK_RTP_PORTS,
    turn: values.CONFER_STACK_TURN
      ? {
          port: values.CONFER_STACK_TURN_PORT,
          relayPortRange: parseRange(values.CONFER_STACK_TURN_RELAY_PORTS),
          credentialsPort: values.CONFER_STACK_TURN_CREDENTIALS_PORT,
          secret: values.CONFER_TURN_SECRET ?? randomSecret(),
        }
      : null,
    iceInterface: values.CONFER_STACK_ICE_INTERFACE,
    janusPublicAddress: values.CONFER_STACK_JANUS_PUBLIC_ADDRESS,
    runDirectory: values.CONFER_STACK_RUN_DIR,
    recordingsDirectory: values.CONFER_STACK_RECORDINGS_DIR,
    recordingsPort: values.CONFER_STACK_RECORDINGS_PORT,
    janusLibraryDirectory: values.CONFER_JANUS_LIB_DIR,
    janusAdminSecret: values.CONFER_JANUS_ADMIN_SECRET ?? randomSecret(),
    janusVideoRoomConfig: values.CONFER_STACK_JANUS_VIDEOROOM_CONFIG,
    janusTokenAuth: values.CONFER_STACK_JANUS_TOKEN_AUTH,
    janusApiSecret: values.CONFER_STACK_JANUS_API_SECRET,
    control: values.CONFER_STACK_CONTROL
      ? {
          port: values.CONFER_STACK_CONTROL_PORT,
          secret: values.CONFER_CONTROL_SECRET ?? randomSecret(32),
          adminKey: values.CONFER_CONTROL_ADMIN_KEY ?? randomSecret(),
          settings: controlTuning(env),
        }
      : null,
  };
}
