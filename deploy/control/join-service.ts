import { z } from 'zod';
import { chooseNode, rankNodes, type NodeState } from '../../shared/control/node-order.js';
import {
  JoinRequestSchema,
  RenewRequestSchema,
  type ControlError,
  type ControlErrorCode,
  type JoinTicket,
  type RenewedTicket,
} from '../../shared/control/join-ticket.js';
import { auditedRoom, type AuditLog } from './audit-log.js';
import type { ControlConfig } from './control-config.js';
import type { RoomNode } from './janus-node.js';
import type { RateLimiter } from './rate-limiter.js';
import { pinMatches, roomCredentials } from './room-credentials.js';
import { controlRoomCreation } from './room-settings.js';
import { signGrant, verifyGrant } from './signed-grants.js';
import { createTurnCredentials } from './turn-credentials.js';

export type ControlAnswer<T> = { readonly status: 200; readonly body: T } | { readonly status: 400 | 403 | 429 | 503; readonly body: ControlError; readonly retryAfterSeconds?: number };

const STATUS: Record<Exclude<ControlErrorCode, 'internal'>, 400 | 403 | 429 | 503> = {
  'invalid-request': 400,
  'wrong-pin': 403,
  'invalid-invite': 403,
  'expired-invite': 403,
  'invalid-renewal': 403,
  'rate-limited': 429,
  'no-node': 503,
};

class Refusal extends Error {
  constructor(
    readonly code: Exclude<ControlErrorCode, 'internal'>,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface JoinServiceDependencies {
  readonly config: ControlConfig;
  readonly nodes: readonly RoomNode[];
  readonly limiter: RateLimiter;
  readonly audit: AuditLog;
  readonly now?: () => number;
}

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

/**
 * Every decision of the control plane: who may join which room, on which
 * node, with which token and TURN credentials. It keeps nothing between
 * requests but the rate limiter's counters, so any number of processes with
 * the same configuration give the same answers.
 */
export class JoinService {
  private readonly nodeUrls: string[];
  private readonly now: () => number;

  constructor(private readonly dependencies: JoinServiceDependencies) {
    this.nodeUrls = dependencies.nodes.map((node) => node.url);
    this.now = dependencies.now ?? Date.now;
  }

  join(address: string, body: unknown): Promise<ControlAnswer<JoinTicket>> {
    return this.decide('join', address, body, async () => {
      const request = this.parse(JoinRequestSchema, body);
      const { secret } = this.dependencies.config;
      let reason: 'pin' | 'invite';
      if ('pin' in request) {
        if (!pinMatches(secret, request.room, request.pin)) throw new Refusal('wrong-pin', 'That PIN does not open this room.');
        reason = 'pin';
      } else {
        const check = verifyGrant(secret, 'invite', request.room, request.invite, this.now());
        if (!check.ok && check.reason === 'expired') throw new Refusal('expired-invite', 'This invite link has expired: ask the moderator for a new one.');
        if (!check.ok) throw new Refusal('invalid-invite', 'This invite link is not valid for this room.');
        reason = 'invite';
      }
      const placed = await this.admit(request.room);
      const renewalExpiry = Math.floor(this.now() / 1000) + this.dependencies.config.renewalTtlSeconds;
      const credentials = roomCredentials(secret, request.room);
      const ticket: JoinTicket = {
        room: request.room,
        janusRoom: credentials.janusRoom,
        janusPin: credentials.janusPin,
        ...placed,
        nodes: rankNodes(request.room, this.nodeUrls),
        renewal: { grant: signGrant(secret, 'renewal', request.room, renewalExpiry), expiresAt: iso(renewalExpiry) },
      };
      return { reason, node: placed.node, body: ticket };
    });
  }

  renew(address: string, body: unknown): Promise<ControlAnswer<RenewedTicket>> {
    return this.decide('renew', address, body, async () => {
      const request = this.parse(RenewRequestSchema, body);
      const check = verifyGrant(this.dependencies.config.secret, 'renewal', request.room, request.renewal, this.now());
      if (!check.ok) {
        throw new Refusal('invalid-renewal', check.reason === 'expired' ? 'This call can no longer be renewed: join again.' : 'This renewal is not valid for this room.');
      }
      const placed = await this.admit(request.room);
      return { reason: 'renewal', node: placed.node, body: placed };
    });
  }

  /** Rate limit, then the decision, then exactly one audit line whatever happened. */
  private async decide<T>(
    action: 'join' | 'renew',
    address: string,
    body: unknown,
    run: () => Promise<{ reason: string; node: string; body: T }>,
  ): Promise<ControlAnswer<T>> {
    const entry = { time: new Date(this.now()).toISOString(), address, room: auditedRoom(body), action };
    try {
      const allowed = this.dependencies.limiter.take(address);
      if (!allowed.allowed) {
        throw new Refusal('rate-limited', `Too many attempts from this address: try again in ${allowed.retryAfterSeconds} s.`, allowed.retryAfterSeconds);
      }
      const admitted = await run();
      this.dependencies.audit.write({ ...entry, decision: 'admitted', reason: admitted.reason, node: admitted.node });
      return { status: 200, body: admitted.body };
    } catch (error) {
      const refusal = error instanceof Refusal ? error : new Refusal('no-node', 'The media servers could not be reached: try again shortly.');
      this.dependencies.audit.write({ ...entry, decision: 'refused', reason: refusal.code });
      return {
        status: STATUS[refusal.code],
        body: { error: refusal.code, message: refusal.message },
        ...(refusal.retryAfterSeconds ? { retryAfterSeconds: refusal.retryAfterSeconds } : {}),
      };
    }
  }

  private parse<T>(schema: z.ZodType<T>, body: unknown): T {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new Refusal('invalid-request', `The request was not understood: ${z.prettifyError(parsed.error).replaceAll('\n', '; ')}`);
  }

  /** The room's node (creating the room there when it is new), a Janus token on it, and TURN credentials. */
  private async admit(room: string): Promise<Pick<JoinTicket, 'node' | 'janusToken' | 'turn'>> {
    const { config } = this.dependencies;
    const credentials = roomCredentials(config.secret, room);
    const states = new Map<string, NodeState>();
    await Promise.all(
      this.dependencies.nodes.map(async (node) => {
        const hasRoom = await node.hasRoom(credentials.janusRoom).catch(() => null);
        states.set(node.url, hasRoom === null ? { live: false } : { live: true, hasRoom });
      }),
    );
    const chosenUrl = chooseNode(rankNodes(room, this.nodeUrls), (url) => states.get(url) ?? { live: false });
    const chosen = this.dependencies.nodes.find((node) => node.url === chosenUrl);
    if (!chosen) throw new Refusal('no-node', 'No media server is answering: try again shortly.');
    const state = states.get(chosen.url);
    if (state?.live && !state.hasRoom) await chosen.createRoom(controlRoomCreation(room, credentials, config.adminKey));
    const token = await chosen.addClientToken(config.janusTokenTtlSeconds);
    const turn = config.turn ? createTurnCredentials(config.turn.secret, 'confer', config.turnTtlSeconds, config.turn.uris, this.now()) : null;
    return { node: chosen.url, janusToken: { token: token.token, ttl: config.janusTokenTtlSeconds, expiresAt: iso(token.expiresAtSeconds) }, turn };
  }
}
