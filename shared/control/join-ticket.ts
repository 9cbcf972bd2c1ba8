import { z } from 'zod';
import { RoomNameSchema } from '../call/join-request.js';

/**
 * The control plane's contract (deploy/control/): what a client sends to
 * join a room, what it gets back, and a small client for both. The answer is
 * checked here, as everything that crosses the network is.
 */

const pinSchema = z.string().regex(/^\d{12}$/, 'A room PIN is 12 digits');
/** `v1.<expiry seconds>.<HMAC>`, as deploy/control/signed-grants.ts writes them. */
const grantSchema = z.string().regex(/^v1\.\d{1,12}\.[A-Za-z0-9_-]{43}$/, 'This link is not a valid invite');

/** An invite as a moderator hands it out (deploy/control/cli.ts), alone or in a confer://join/<room>?invite= link. */
export const InviteSchema = grantSchema;

export const JoinRequestSchema = z.union([
  z.strictObject({ room: RoomNameSchema, pin: pinSchema }),
  z.strictObject({ room: RoomNameSchema, invite: grantSchema }),
]);
export type ControlJoinRequest = z.infer<typeof JoinRequestSchema>;

export const RenewRequestSchema = z.strictObject({ room: RoomNameSchema, renewal: grantSchema });
export type RenewRequest = z.infer<typeof RenewRequestSchema>;

const expiring = { ttl: z.number().int().positive(), expiresAt: z.iso.datetime() };

export const JanusTokenSchema = z.strictObject({ token: z.string().min(1), ...expiring });
export const TurnGrantSchema = z.strictObject({
  username: z.string().min(1),
  password: z.string().min(1),
  uris: z.array(z.string().regex(/^turns?:/)).min(1),
  ...expiring,
});
export type TurnGrant = z.infer<typeof TurnGrantSchema>;

export const JoinTicketSchema = z.strictObject({
  room: RoomNameSchema,
  /** The room's numeric id on Janus (VideoRoom with string ids off). */
  janusRoom: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** The PIN Janus checks on `join`; not the PIN people type. */
  janusPin: z.string().min(1),
  /** The node to connect to, and every node in the room's rendezvous order for failover. */
  node: z.url({ protocol: /^wss?$/ }),
  nodes: z.array(z.url({ protocol: /^wss?$/ })).min(1),
  /** Janus `token_auth` token: sent as `token` on every Janus request, renewed before it expires. */
  janusToken: JanusTokenSchema,
  /** TURN REST credentials; null when the deployment has no TURN server. */
  turn: TurnGrantSchema.nullable(),
  /** Presented to /renew for a fresh Janus token and TURN credentials during a long call. */
  renewal: z.strictObject({ grant: grantSchema, expiresAt: z.iso.datetime() }),
});
export type JoinTicket = z.infer<typeof JoinTicketSchema>;

export const RenewedTicketSchema = JoinTicketSchema.pick({ node: true, janusToken: true, turn: true });
export type RenewedTicket = z.infer<typeof RenewedTicketSchema>;

export const CONTROL_ERRORS = ['invalid-request', 'wrong-pin', 'invalid-invite', 'expired-invite', 'invalid-renewal', 'rate-limited', 'no-node', 'internal'] as const;
export type ControlErrorCode = (typeof CONTROL_ERRORS)[number];
export const ControlErrorSchema = z.strictObject({ error: z.enum(CONTROL_ERRORS), message: z.string() });
export type ControlError = z.infer<typeof ControlErrorSchema>;

/** The part of `fetch` used here: shared/ has no DOM types, and callers hand in the fetch they have. */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export type ControlResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ControlError };

async function post<T>(fetchFn: FetchLike, url: string, body: unknown, answer: z.ZodType<T>): Promise<ControlResult<T>> {
  let response: Awaited<ReturnType<FetchLike>>;
  let payload: unknown;
  try {
    response = await fetchFn(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    payload = await response.json();
  } catch (error) {
    return { ok: false, error: { error: 'internal', message: `The control plane could not be reached (${error instanceof Error ? error.message : String(error)}).` } };
  }
  if (response.status === 200) {
    const parsed = answer.safeParse(payload);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, error: { error: 'internal', message: 'The control plane answered with a ticket this client does not understand.' } };
  }
  const refused = ControlErrorSchema.safeParse(payload);
  if (refused.success) return { ok: false, error: refused.data };
  return { ok: false, error: { error: 'internal', message: `The control plane answered ${response.status} without a reason.` } };
}

function endpoint(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * Asks the control plane at `baseUrl` (such as http://127.0.0.1:8191) for a
 * join ticket. A timeout belongs in the fetch handed in.
 */
export function requestJoinTicket(fetchFn: FetchLike, baseUrl: string, request: ControlJoinRequest): Promise<ControlResult<JoinTicket>> {
  return post(fetchFn, endpoint(baseUrl, '/join'), JoinRequestSchema.parse(request), JoinTicketSchema);
}

/** Renews a ticket's Janus token and TURN credentials before they expire. */
export function renewJoinTicket(fetchFn: FetchLike, baseUrl: string, request: RenewRequest): Promise<ControlResult<RenewedTicket>> {
  return post(fetchFn, endpoint(baseUrl, '/renew'), RenewRequestSchema.parse(request), RenewedTicketSchema);
}
