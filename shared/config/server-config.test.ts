import { describe, expect, test } from 'vitest';
import { resolveServerConfig, serverEnvOf } from './server-config.js';

describe('server configuration', () => {
  test('nothing configured means the embedded local stack', () => {
    expect(resolveServerConfig({}, undefined)).toEqual({ kind: 'embedded' });
  });

  test('reads the settings file', () => {
    const file = { servers: { janusUrl: 'wss://sfu.example.com/janus', signalingUrls: ['wss://sig.example.com'] } };
    expect(resolveServerConfig({}, file)).toEqual({
      kind: 'configured',
      config: { janusUrl: 'wss://sfu.example.com/janus', signalingUrls: ['wss://sig.example.com'], iceServers: [] },
    });
  });

  test('environment variables override the file key by key', () => {
    const file = { servers: { janusUrl: 'wss://file.example.com', signalingUrls: ['wss://sig.example.com'] } };
    const env = {
      CONFER_JANUS_URL: 'ws://127.0.0.1:8188',
      CONFER_ICE_SERVERS: '[{"urls":"turn:turn.example.com:3478","username":"u","credential":"p"}]',
    };
    const resolved = resolveServerConfig(env, file);
    expect(resolved).toEqual({
      kind: 'configured',
      config: {
        janusUrl: 'ws://127.0.0.1:8188',
        signalingUrls: ['wss://sig.example.com'],
        iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'u', credential: 'p' }],
      },
    });
  });

  test('reads the Janus token and API secret from the environment and the file', () => {
    const file = { servers: { janusUrl: 'wss://sfu.example.com/janus', signalingUrls: ['wss://sig.example.com'], janusApiSecret: 'janusrocks' } };
    const resolved = resolveServerConfig({ CONFER_JANUS_TOKEN: 'a1b2c3d4' }, file);
    expect(resolved.kind === 'configured' && resolved.config).toMatchObject({ janusToken: 'a1b2c3d4', janusApiSecret: 'janusrocks' });
  });

  test('dynacast is switched off with false, and anything but true or false is refused', () => {
    const base = { CONFER_JANUS_URL: 'ws://a:1', CONFER_SIGNALING_URLS: 'ws://b:2' };
    const off = resolveServerConfig({ ...base, CONFER_DYNACAST: 'false' }, undefined);
    expect(off.kind === 'configured' && off.config.dynacast).toBe(false);
    expect(resolveServerConfig({ ...base, CONFER_DYNACAST: 'no' }, undefined)).toEqual({ kind: 'invalid', problems: ['CONFER_DYNACAST must be true or false'] });
  });

  test('splits comma-separated signaling URLs', () => {
    const resolved = resolveServerConfig({ CONFER_JANUS_URL: 'ws://a:1', CONFER_SIGNALING_URLS: 'ws://b:2, ws://c:3' }, undefined);
    expect(resolved.kind === 'configured' && resolved.config.signalingUrls).toEqual(['ws://b:2', 'ws://c:3']);
  });

  test('a list of Janus nodes stands for the Janus URL, its first node', () => {
    const resolved = resolveServerConfig({ CONFER_JANUS_NODES: 'ws://a:1, ws://b:1,ws://c:1', CONFER_SIGNALING_URLS: 'ws://s:2' }, undefined);
    expect(resolved.kind === 'configured' && resolved.config).toMatchObject({ janusUrl: 'ws://a:1', janusNodes: ['ws://a:1', 'ws://b:1', 'ws://c:1'] });
    const withUrl = resolveServerConfig({ CONFER_JANUS_URL: 'ws://b:1' }, { servers: { janusNodes: ['ws://a:1', 'ws://b:1'], signalingUrls: ['ws://s:2'] } });
    expect(withUrl.kind === 'configured' && withUrl.config.janusUrl).toBe('ws://b:1');
  });

  test.each([
    ['Janus nodes with one that is not a WebSocket', { CONFER_JANUS_NODES: 'ws://a:1,http://b:1', CONFER_SIGNALING_URLS: 'ws://s:2' }, undefined, 'janusNodes'],
    ['a single Janus node', { CONFER_JANUS_NODES: 'ws://a:1', CONFER_SIGNALING_URLS: 'ws://s:2' }, undefined, 'at least two nodes'],
    ['a Janus node listed twice', { CONFER_JANUS_NODES: 'ws://a:1,ws://a:1', CONFER_SIGNALING_URLS: 'ws://s:2' }, undefined, 'each node once'],
    ['a Janus URL that is not one of the nodes', { CONFER_JANUS_URL: 'ws://z:1', CONFER_JANUS_NODES: 'ws://a:1,ws://b:1', CONFER_SIGNALING_URLS: 'ws://s:2' }, undefined, 'must be one of the Janus nodes'],
    ['a Janus URL that is not a WebSocket', { CONFER_JANUS_URL: 'http://sfu', CONFER_SIGNALING_URLS: 'ws://b:2' }, undefined, 'janusUrl'],
    ['a Janus URL without signaling', { CONFER_JANUS_URL: 'ws://sfu' }, undefined, 'signalingUrls'],
    ['signaling without Janus', { CONFER_SIGNALING_URLS: 'ws://b:2' }, undefined, 'no Janus URL'],
    ['ICE servers that are not JSON', { CONFER_ICE_SERVERS: '[{' }, undefined, 'CONFER_ICE_SERVERS'],
    ['ICE servers with a bad scheme', { CONFER_ICE_SERVERS: '[{"urls":"http://x"}]' }, undefined, 'CONFER_ICE_SERVERS'],
    ['a settings file with an unknown key', {}, { servers: { janusURL: 'ws://x' } }, 'settings file'],
    ['a settings file that is not an object', {}, ['ws://x'], 'settings file'],
    ['a Janus token with a space', { CONFER_JANUS_URL: 'ws://a:1', CONFER_SIGNALING_URLS: 'ws://b:2', CONFER_JANUS_TOKEN: 'two words' }, undefined, 'janusToken'],
    ['an API secret with a control character', {}, { servers: { janusUrl: 'ws://a:1', signalingUrls: ['ws://b:2'], janusApiSecret: 'se\ncret' } }, 'janusApiSecret'],
  ])('reports %s as a problem, never silently', (_label, env, file, mention) => {
    const resolved = resolveServerConfig(env, file);
    expect(resolved.kind).toBe('invalid');
    expect(resolved.kind === 'invalid' && resolved.problems.join('\n')).toContain(mention);
  });
});

describe('the retired board password', () => {
  test.each([
    ['the settings file', {}, { servers: { janusUrl: 'wss://sfu.example.com/janus', boardPassword: 'correct horse battery' } }],
    ['the environment', { CONFER_JANUS_URL: 'wss://sfu.example.com/janus', CONFER_BOARD_PASSWORD: 'correct horse battery' }, undefined],
  ])('in %s is refused with the reason', (_where, env, file) => {
    const resolved = resolveServerConfig(env, file);
    expect(resolved.kind).toBe('invalid');
    expect(resolved.kind === 'invalid' && resolved.problems.join('\n')).toMatch(/no longer used: a board in a call follows the room.s PIN/);
  });
});

describe('server configuration as environment variables', () => {
  test('round-trips through serverEnvOf and resolveServerConfig', () => {
    const config = {
      janusUrl: 'wss://sfu.example.com/janus',
      janusNodes: ['wss://sfu.example.com/janus', 'wss://sfu2.example.com/janus'],
      signalingUrls: ['wss://a.example.com', 'wss://b.example.com'],
      iceServers: [{ urls: ['turn:turn.example.com:3478'], username: 'u', credential: 'p' }],
      turnCredentialsUrl: 'https://sfu.example.com/turn',
      iceTransportPolicy: 'relay' as const,
      otlpMetricsUrl: 'http://collector:4318/v1/metrics',
      janusToken: 'a1b2c3d4',
      janusApiSecret: 'janusrocks',
      controlPlaneUrl: 'https://control.example.com',
    };
    expect(resolveServerConfig(serverEnvOf(config), undefined)).toEqual({ kind: 'configured', config });
  });
});
