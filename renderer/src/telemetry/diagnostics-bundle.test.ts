import { describe, expect, test } from 'vitest';
import { DiagnosticsBundleSchema } from '../../../shared/diagnostics/telemetry-events.js';
import { REDACTED } from '../../../shared/diagnostics/redact.js';
import { buildDiagnosticsBundle } from './diagnostics-bundle.js';

describe('diagnostics bundle', () => {
  test('carries the events and configuration with TURN credentials and passwords redacted', () => {
    const bundle = buildDiagnosticsBundle({
      host: 'web',
      userAgent: 'test',
      room: 'standup',
      now: new Date('2026-11-23T00:00:00Z'),
      config: {
        janusUrl: 'wss://sfu.example.com/janus?token=abc',
        signalingUrls: ['wss://sig.example.com'],
        iceServers: [{ urls: 'turn:turn.example.com', username: '1700000000:ada', credential: 'c2VjcmV0' }],
      },
      events: [{ type: 'join-result', at: 1, ok: true, durationMs: 420 }],
    });
    expect(DiagnosticsBundleSchema.parse(bundle)).toBeTruthy();
    const text = JSON.stringify(bundle);
    for (const secret of ['c2VjcmV0', '1700000000:ada', 'token=abc']) expect(text).not.toContain(secret);
    expect(bundle.configuration).toMatchObject({ janusUrl: `wss://sfu.example.com/janus?token=${REDACTED}` });
    expect(bundle.events).toEqual([{ type: 'join-result', at: 1, ok: true, durationMs: 420 }]);
  });
});
