import { describe, expect, test } from 'vitest';
import { buildContentSecurityPolicy } from './content-security-policy.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((directive) => {
    const [name = '', ...sources] = directive.split(' ');
    return [name, sources];
  }));
}

describe('Content-Security-Policy', () => {
  const policy = directives(
    buildContentSecurityPolicy({
      janusUrl: 'wss://sfu.example.com:8989/janus',
      signalingUrls: ['wss://sig.example.com/', 'ws://127.0.0.1:4444'],
      iceServers: [],
      turnCredentialsUrl: 'https://turn.example.com/credentials?x=1',
    }),
  );

  test('runs only the app’s own scripts: no inline script, no eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect([...policy.values()].flat().join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  test('names a server shared by two URLs once', () => {
    const shared = directives(
      buildContentSecurityPolicy({ janusUrl: 'wss://meet.example.com/janus', signalingUrls: ['wss://meet.example.com/signal'], iceServers: [] }),
    );
    expect(shared.get('connect-src')).toEqual(["'self'", 'wss://meet.example.com']);
  });

  test('connects to the control plane a join asks for its ticket', () => {
    const controlled = directives(
      buildContentSecurityPolicy({ janusUrl: 'wss://sfu.example.com/janus', signalingUrls: ['wss://sfu.example.com/signal'], iceServers: [], controlPlaneUrl: 'https://control.example.com:8191/' }),
    );
    expect(controlled.get('connect-src')).toEqual(["'self'", 'wss://sfu.example.com', 'https://control.example.com:8191']);
  });

  test('connects to every configured Janus node', () => {
    const nodes = directives(
      buildContentSecurityPolicy({ janusUrl: 'wss://a.example.com/janus', janusNodes: ['wss://a.example.com/janus', 'wss://b.example.com:8989/janus'], signalingUrls: ['wss://a.example.com/signal'], iceServers: [] }),
    );
    expect(nodes.get('connect-src')).toEqual(["'self'", 'wss://a.example.com', 'wss://b.example.com:8989']);
  });

  test('connects only to the configured servers, by origin', () => {
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'wss://sfu.example.com:8989',
      'wss://sig.example.com',
      'ws://127.0.0.1:4444',
      'https://turn.example.com',
    ]);
  });

  test('lets camera and screen streams play', () => {
    expect(policy.get('media-src')).toContain('mediastream:');
    expect(policy.get('media-src')).toContain('blob:');
  });

  test('plays recordings from the recordings server only, and lists them from there', () => {
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:', 'mediastream:']);
    const withRecordings = directives(
      buildContentSecurityPolicy({ janusUrl: 'ws://127.0.0.1:8188', signalingUrls: ['ws://127.0.0.1:4444'], iceServers: [], recordingsUrl: 'http://127.0.0.1:8191' }),
    );
    expect(withRecordings.get('media-src')).toEqual(["'self'", 'blob:', 'mediastream:', 'http://127.0.0.1:8191']);
    expect(withRecordings.get('connect-src')).toContain('http://127.0.0.1:8191');
  });
});
