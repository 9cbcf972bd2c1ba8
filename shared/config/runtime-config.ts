import { z } from 'zod';

const websocketUrl = z.url({ protocol: /^wss?$/, error: 'must be a ws:// or wss:// URL' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

export const IceServerSchema = z.strictObject({
  urls: z.union([z.string().regex(/^(stun|turns?):/), z.array(z.string().regex(/^(stun|turns?):/)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServerSchema>;

/** Janus compares a token or API secret byte for byte: printable ASCII without spaces, so nothing invisible slips in. */
const janusCredential = z.string().regex(/^[\x21-\x7e]{1,512}$/, 'must be 1 to 512 printable characters without spaces');

/**
 * What the renderer needs to reach the servers. Secrets used only by servers
 * (Janus admin, TURN shared secret) never appear here.
 */
/**
 * Several Janus nodes a call may use: each room lives on one of them, chosen
 * by rendezvous hashing (shared/control/node-order.ts), and moves to the next
 * when its node dies. Listed once each, so every client ranks the same set.
 */
export const JanusNodesSchema = z
  .array(websocketUrl)
  .min(2, 'list at least two nodes (one node is janusUrl alone)')
  .max(16, 'list at most 16 nodes')
  .refine((nodes) => new Set(nodes).size === nodes.length, 'list each node once');

export const RuntimeConfigSchema = z.strictObject({
  /** The Janus a call uses; with janusNodes, one of them (and the one outside calls, such as the recordings' room checks). */
  janusUrl: websocketUrl,
  janusNodes: JanusNodesSchema.optional(),
  signalingUrls: z.array(websocketUrl).min(1),
  iceServers: z.array(IceServerSchema),
  /** TURN REST endpoint that hands out short-lived credentials; optional. */
  turnCredentialsUrl: httpUrl.optional(),
  /** `relay` sends all media through TURN: for networks that must not reveal addresses, and to test TURN. */
  iceTransportPolicy: z.enum(['all', 'relay']).optional(),
  /** OTLP/HTTP metrics endpoint of an OpenTelemetry collector (e.g. http://collector:4318/v1/metrics); off when absent. */
  otlpMetricsUrl: httpUrl.optional(),
  /** The stack's recordings server (`GET /recordings/<room>`); the app lists no recordings without it. */
  recordingsUrl: httpUrl.optional(),
  /** A token Janus knows (`token_auth`, added with the admin API's `add_token`), sent on every Janus request. */
  janusToken: janusCredential.optional(),
  /** Janus's `apisecret`, sent on every Janus request. */
  janusApiSecret: janusCredential.optional(),
  /**
   * The control plane (deploy/control/): with it, every join asks it for a
   * ticket (node, Janus room and PIN, token, TURN) with the room's PIN or an
   * invite, and renews that ticket during the call. The nodes it names must
   * be janusUrl or among janusNodes: pages may connect only to configured servers.
   */
  controlPlaneUrl: httpUrl.optional(),
  /**
   * Each camera encodes only the simulcast layers someone in the room shows (on unless false). Off, every
   * layer is always sent: to compare, or for rooms watched by clients that only subscribe, which cannot say
   * what they show.
   */
  dynacast: z.boolean().optional(),
});
export type RuntimeConfig = z.infer<typeof RuntimeConfigSchema>;

/** The nodes a call chooses its room's node from: the configured list, or the one Janus. */
export function janusNodesOf(config: Pick<RuntimeConfig, 'janusUrl' | 'janusNodes'>): readonly string[] {
  return config.janusNodes ?? [config.janusUrl];
}
