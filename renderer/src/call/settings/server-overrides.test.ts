import { describe, expect, test } from 'vitest';
import { parseServerInput, withServerOverrides } from './server-overrides.js';

const config = { janusUrl: 'ws://127.0.0.1:8188', signalingUrls: ['ws://127.0.0.1:4444'], iceServers: [] };

describe('servers typed in the settings', () => {
  test('empty fields keep the configuration’s servers', () => {
    expect(parseServerInput('  ', '')).toEqual({ ok: true, servers: { janusUrl: null, signalingUrls: null } });
    expect(withServerOverrides(config, { janusUrl: null, signalingUrls: null })).toEqual(config);
  });

  test('valid addresses replace the configured ones; signaling URLs split on commas and spaces', () => {
    const input = parseServerInput(' wss://sfu.example.com/janus ', 'wss://a.example.com, wss://b.example.com\nws://c.example.com');
    expect(input).toEqual({ ok: true, servers: { janusUrl: 'wss://sfu.example.com/janus', signalingUrls: ['wss://a.example.com', 'wss://b.example.com', 'ws://c.example.com'] } });
    if (input.ok) expect(withServerOverrides(config, input.servers)).toMatchObject({ janusUrl: 'wss://sfu.example.com/janus', signalingUrls: ['wss://a.example.com', 'wss://b.example.com', 'ws://c.example.com'] });
  });

  test('the configured Janus token, API secret and nodes go to the configured Janus only, never to one typed here', () => {
    const withCredentials = { ...config, janusNodes: ['ws://127.0.0.1:8188', 'ws://127.0.0.1:8288'], janusToken: 'a1b2c3d4', janusApiSecret: 'janusrocks' };
    expect(withServerOverrides(withCredentials, { janusUrl: null, signalingUrls: ['ws://127.0.0.1:4445'] })).toMatchObject({ janusToken: 'a1b2c3d4', janusApiSecret: 'janusrocks' });
    const elsewhere = withServerOverrides(withCredentials, { janusUrl: 'wss://other.example.com/janus', signalingUrls: null });
    expect(elsewhere).toEqual({ ...config, janusUrl: 'wss://other.example.com/janus' });
  });

  test('a non-WebSocket or malformed address is refused, naming the field', () => {
    expect(parseServerInput('https://sfu.example.com', '')).toEqual({ ok: false, problem: 'janus-url' });
    expect(parseServerInput('not a url', '')).toEqual({ ok: false, problem: 'janus-url' });
    expect(parseServerInput('', 'wss://ok.example.com, http://bad.example.com')).toEqual({ ok: false, problem: 'signaling-urls' });
  });
});
