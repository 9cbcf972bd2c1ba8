import { describe, expect, test } from 'vitest';
import { buildContentSecurityPolicy } from './content-security-policy.js';

describe('Content-Security-Policy', () => {
  const policy = buildContentSecurityPolicy({
    janusUrl: 'wss://meet.example.com:8989/janus',
    signalingUrls: ['wss://signal.example.com/y', 'wss://meet.example.com:8989/other'],
    iceServers: [],
    turnCredentialsUrl: 'https://meet.example.com/turn',
  });
  const directives = new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

  test('runs only the app’s own scripts: no inline, no eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  test('connects only to the configured servers, once each', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", 'wss://meet.example.com:8989', 'wss://signal.example.com', 'https://meet.example.com']);
  });

  test('denies everything not named, plugins, framing and base rewriting', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });
});
