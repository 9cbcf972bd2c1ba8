import { describe, expect, test } from 'vitest';
import { stackOptionsFromEnv } from './stack-options.js';

describe('local stack options', () => {
  test('defaults: standard ports, no TURN, fresh random secrets', () => {
    const first = stackOptionsFromEnv({});
    const second = stackOptionsFromEnv({});
    expect(first).toMatchObject({ janusPort: 8188, janusAdminPort: 7188, signalingPort: 4444, turn: null, control: null });
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

  test('Janus as another deployment runs it: its own VideoRoom file, token auth, an API secret', () => {
    expect(stackOptionsFromEnv({})).toMatchObject({ janusVideoRoomConfig: undefined, janusTokenAuth: false, janusApiSecret: undefined });
    const options = stackOptionsFromEnv({
      CONFER_STACK_JANUS_VIDEOROOM_CONFIG: '/etc/janus/janus.plugin.videoroom.jcfg',
      CONFER_STACK_JANUS_TOKEN_AUTH: '1',
      CONFER_STACK_JANUS_API_SECRET: 'janusrocks',
    });
    expect(options).toMatchObject({ janusVideoRoomConfig: '/etc/janus/janus.plugin.videoroom.jcfg', janusTokenAuth: true, janusApiSecret: 'janusrocks' });
  });

  test('turns the control plane on with its port and secrets, fresh ones when none are given', () => {
    const options = stackOptionsFromEnv({ CONFER_STACK_CONTROL: '1', CONFER_STACK_CONTROL_PORT: '9191' });
    expect(options.control).toMatchObject({ port: 9191 });
    expect(options.control?.secret.length).toBeGreaterThanOrEqual(32);
    expect(options.control?.adminKey.length).toBeGreaterThanOrEqual(16);
    expect(stackOptionsFromEnv({ CONFER_STACK_CONTROL: '1' }).control?.secret).not.toBe(options.control?.secret);
    const given = stackOptionsFromEnv({ CONFER_STACK_CONTROL: 'true', CONFER_CONTROL_SECRET: 's'.repeat(32), CONFER_CONTROL_ADMIN_KEY: 'k'.repeat(16) });
    expect(given.control).toEqual({ port: 8191, secret: 's'.repeat(32), adminKey: 'k'.repeat(16), settings: {} });
    const tuned = stackOptionsFromEnv({ CONFER_STACK_CONTROL: '1', CONFER_CONTROL_JANUS_TOKEN_TTL: '6', CONFER_CONTROL_SWEEP_SECONDS: '1', CONFER_CONTROL_SECRET_FILE: 'x' });
    expect(tuned.control?.settings).toEqual({ CONFER_CONTROL_JANUS_TOKEN_TTL: '6', CONFER_CONTROL_SWEEP_SECONDS: '1' });
  });

  test.each([
    ['a short control-plane secret', { CONFER_STACK_CONTROL: '1', CONFER_CONTROL_SECRET: 'short-secret' }],
    ['an admin key that would break out of Janus\u2019s config', { CONFER_STACK_CONTROL: '1', CONFER_CONTROL_ADMIN_KEY: 'abcdefghijklmnop"' }],
    ['a port out of range', { CONFER_STACK_JANUS_PORT: '70000' }],
    ['a port that is not a number', { CONFER_STACK_SIGNALING_PORT: 'http' }],
    ['a backwards range', { CONFER_STACK_RTP_PORTS: '30000-20000' }],
    ['a short admin secret', { CONFER_JANUS_ADMIN_SECRET: 'short' }],
    ['an interface name with a quote', { CONFER_STACK_ICE_INTERFACE: 'cf0"' }],
    ['a VideoRoom configuration that is not a .jcfg file', { CONFER_STACK_JANUS_VIDEOROOM_CONFIG: '/etc/passwd' }],
    ['token auth that is not a flag', { CONFER_STACK_JANUS_TOKEN_AUTH: 'yes' }],
    ['an API secret with a quote, which would end its line in janus.jcfg', { CONFER_STACK_JANUS_API_SECRET: 'janus"rocks' }],
    ['a short API secret', { CONFER_STACK_JANUS_API_SECRET: 'short' }],
  ])('refuses %s with a message', (_label, env) => {
    expect(() => stackOptionsFromEnv(env)).toThrow(/local stack settings|runs backwards/);
  });
});
