import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DiagnosticsBundleSchema } from '../shared/diagnostics/telemetry-events.js';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { decodingNames } from './harness/call-page.js';
import { useTestStack } from './harness/test-stack.js';

const COLLECTOR_PORT = 4318;

/** A stand-in OpenTelemetry collector on loopback: records what arrives at /v1/metrics, answers CORS. */
const received: string[] = [];
let collector: Server;
beforeAll(async () => {
  collector = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', '*');
    response.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/metrics') received.push(body);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(COLLECTOR_PORT, '127.0.0.1', () => resolve()));
});
afterAll(() => new Promise<void>((resolve) => collector.close(() => resolve())));

describe('call diagnostics in the web build', () => {
  const testStack = useTestStack('diagnostics', {
    runtimeConfig: { otlpMetricsUrl: `http://127.0.0.1:${COLLECTOR_PORT}/v1/metrics` },
  });
  const participants: Participant[] = [];
  afterEach(async () => {
    await Promise.all(participants.splice(0).map((participant) => participant.close()));
  });

  test('the panel graphs the call, the export is a redacted bundle, and metrics reach the collector', async () => {
    const { webUrl } = testStack();
    const room = uniqueRoom('diagnostics');
    const [alice, bob] = await Promise.all([launchParticipant('Alice'), launchParticipant('Bob')]);
    participants.push(alice, bob);
    await alice.page.goto(joinUrl(webUrl, room, 'Alice'));
    await bob.page.goto(joinUrl(webUrl, room, 'Bob'));
    await expect.poll(() => decodingNames(alice.page), { timeout: 30_000 }).toEqual(['Bob']);

    await alice.page.getByRole('button', { name: 'Diagnostics' }).click();
    const panel = alice.page.getByTestId('diagnostics-panel');
    await expect.poll(() => panel.getByTestId('diagnostics-join-time').textContent(), { timeout: 10_000 }).toMatch(/^[\d,]+ ms$/);
    await expect.poll(() => panel.getByTestId('diagnostics-stream').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // A graph draws once a stream has two samples.
    await expect
      .poll(() => panel.locator('[data-testid="diagnostics-stream"] polyline').first().getAttribute('points'), { timeout: 20_000 })
      .toMatch(/^[\d.]+,[\d.]+ [\d.]+,[\d.]+/);

    const [download] = await Promise.all([alice.page.waitForEvent('download'), panel.getByTestId('diagnostics-export').click()]);
    const text = await readFile((await download.path())!, 'utf8');
    const bundle = DiagnosticsBundleSchema.parse(JSON.parse(text));
    expect(bundle.room).toBe(room);
    expect(bundle.events).toContainEqual(expect.objectContaining({ type: 'join-result', ok: true }));
    expect(bundle.events.some((event) => event.type === 'quality-sample')).toBe(true);

    await expect.poll(() => received.join('\n'), { timeout: 40_000 }).toContain('confer.call.join.duration');
    expect(received.join('\n')).toContain('confer.call.rtt');
  });
});
