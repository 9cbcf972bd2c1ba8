import { describe, expect, test } from 'vitest';
import { controlConfigFromEnv, controlEnvOf } from './control-config.js';

const NODES = [{ url: 'ws://127.0.0.1:8188', adminUrl: 'ws://127.0.0.1:7188', adminSecret: 'admin-secret-1' }];
const REQUIRED = {
  CONFER_CONTROL_SECRET: 's'.repeat(32),
  CONFER_CONTROL_NODES: JSON.stringify(NODES),
  CONFER_CONTROL_ADMIN_KEY: 'k'.repeat(16),
};

describe('control plane settings', () => {
  test('defaults: loopback port 8191, ten-minute tokens and TURN credentials, 10 joins then 30 a minute', () => {
    expect(controlConfigFromEnv(REQUIRED)).toMatchObject({
      host: '127.0.0.1',
      port: 8191,
      nodes: NODES,
      turn: null,
      janusTokenTtlSeconds: 600,
      turnTtlSeconds: 600,
      rateLimit: { burst: 10, perMinute: 30 },
      trustProxy: false,
    });
  });

  test('survives a round trip through the environment a launcher hands to a process', () => {
    const config = controlConfigFromEnv({ ...REQUIRED, CONFER_CONTROL_TURN_SECRET: 'turn-secret', CONFER_CONTROL_TURN_URIS: 'turn:127.0.0.1:3478?transport=udp', CONFER_CONTROL_AUDIT_FILE: '/tmp/a.jsonl' });
    expect(controlConfigFromEnv(controlEnvOf(config))).toEqual(config);
  });

  test.each([
    ['no secret', { ...REQUIRED, CONFER_CONTROL_SECRET: undefined }],
    ['a short secret', { ...REQUIRED, CONFER_CONTROL_SECRET: 'short' }],
    ['nodes that are not JSON', { ...REQUIRED, CONFER_CONTROL_NODES: 'ws://127.0.0.1:8188' }],
    ['an empty node list', { ...REQUIRED, CONFER_CONTROL_NODES: '[]' }],
    ['a node with an http URL', { ...REQUIRED, CONFER_CONTROL_NODES: JSON.stringify([{ ...NODES[0], url: 'http://127.0.0.1:8088' }]) }],
    ['a TURN secret without URIs', { ...REQUIRED, CONFER_CONTROL_TURN_SECRET: 'turn-secret' }],
    ['a TURN URI that is not one', { ...REQUIRED, CONFER_CONTROL_TURN_SECRET: 'turn-secret', CONFER_CONTROL_TURN_URIS: 'stun:127.0.0.1' }],
    ['a token lifetime under 5 s', { ...REQUIRED, CONFER_CONTROL_JANUS_TOKEN_TTL: '2' }],
  ])('refuses %s with a message', (_label, env) => {
    expect(() => controlConfigFromEnv(env)).toThrow(/control plane settings/);
  });
});
