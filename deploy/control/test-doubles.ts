import type { AuditEntry } from './audit-log.js';
import type { ControlConfig } from './control-config.js';
import type { RoomNode } from './janus-node.js';
import { mintJanusToken } from './janus-tokens.js';
import { JoinService } from './join-service.js';
import { RateLimiter } from './rate-limiter.js';

// Doubles for the join service's tests: Janus nodes in memory, a fixed clock, an audit kept in an array.
export const SECRET = 'deployment-secret-0123456789abcdef';
export const NODE_URLS = ['ws://10.0.0.1:8188', 'ws://10.0.0.2:8188', 'ws://10.0.0.3:8188'];
export const NOW = 1_800_000_000_000;

/** A Janus node double: rooms it holds, whether it answers, and what it was asked. */
export class FakeNode implements RoomNode {
  readonly rooms = new Set<number>();
  readonly created: Array<Record<string, unknown>> = [];
  readonly tokens: string[] = [];
  live = true;
  constructor(readonly url: string) {}
  async hasRoom(janusRoom: number): Promise<boolean> {
    if (!this.live) throw new Error('connection refused');
    return this.rooms.has(janusRoom);
  }
  async createRoom(request: Readonly<Record<string, unknown>>): Promise<void> {
    this.created.push({ ...request });
    this.rooms.add(request.room as number);
  }
  async addClientToken(ttlSeconds: number) {
    const token = mintJanusToken(ttlSeconds);
    this.tokens.push(token.token);
    return token;
  }
  async sweepTokens(): Promise<number> {
    return 0;
  }
  close(): void {}
}

export function setUpJoinService(overrides: Partial<ControlConfig> = {}) {
  const nodes = NODE_URLS.map((url) => new FakeNode(url));
  const audit: AuditEntry[] = [];
  const config: ControlConfig = {
    secret: SECRET,
    nodes: NODE_URLS.map((url) => ({ url, adminUrl: url, adminSecret: 'admin-secret' })),
    adminKey: 'videoroom-admin-key',
    host: '127.0.0.1',
    port: 0,
    turn: { secret: 'turn-secret', uris: ['turn:10.0.0.9:3478'] },
    janusTokenTtlSeconds: 600,
    turnTtlSeconds: 600,
    renewalTtlSeconds: 3600,
    rateLimit: { burst: 10, perMinute: 30 },
    sweepSeconds: 30,
    auditFile: undefined,
    trustProxy: false,
    ...overrides,
  };
  const service = new JoinService({
    config,
    nodes,
    limiter: new RateLimiter(config.rateLimit, () => NOW),
    audit: { write: (entry) => void audit.push(entry), close: async () => undefined },
    now: () => NOW,
  });
  return { service, nodes, audit };
}

