import { describe, expect, test } from 'vitest';
import { stackOptionsFromEnv } from './stack-options.js';

describe('local stack options', () => {
  test('defaults: standard ports, no TURN, fresh random secrets', () => {
    const first = stackOptionsFromEnv({});
    const second = stackOptionsFromEnv({});
    expect(first).toMatchObject({ janusPort: 8188, janusAdminPort: 7188, signalingPort: 4444, turn: null });
    expect(first.janusAdminSecret.length).toBeGreaterThanOrEqual(24);
    expect(first.janusAdminSecret).not.toBe(second.janusAdminSecret);
  });

  test('takes the admin secret and TURN settings from the environment', () => {
    const options = stackOptionsFromEnv({
      CONFER_JANUS_ADMIN_SECRET: 'admin-secret-1',
      CONFER_STACK_TURN: '1',
      CONFER_TURN_SECRET: 'turn-secret-1',
      CONFER_STACK_TURN_RELAY_PORTS: '50000-50010',
    });
    expect(options.janusAdminSecret).toBe('admin-secret-1');
    expect(options.turn).toMatchObject({ secret: 'turn-secret-1', relayPortRange: [50000, 50010], port: 3478 });
  });

  test.each([
    ['a port out of range', { CONFER_STACK_JANUS_PORT: '70000' }],
    ['a port that is not a number', { CONFER_STACK_SIGNALING_PORT: 'http' }],
    ['a backwards range', { CONFER_STACK_RTP_PORTS: '30000-20000' }],
    ['a short admin secret', { CONFER_JANUS_ADMIN_SECRET: 'short' }],
    ['an interface name with a quote', { CONFER_STACK_ICE_INTERFACE: 'cf0"' }],
  ])('refuses %s with a message', (_label, env) => {
    expect(() => stackOptionsFromEnv(env)).toThrow(/local stack settings|runs backwards/);
  });
});
