import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { janusRefusedClaim } from '../session/join-errors.js';
import { openJanusSession, reclaimJanusSession, type JanusSession } from './janus-session.js';
import { VideoRoomHandle } from './videoroom-handle.js';
import type { VideoRoomEvent } from './videoroom-messages.js';

const SESSION_ID = 1111;
const HANDLE_ID = 2222;

/** How the fake answers `claim`: it still keeps the session, or it forgot it (restarted, or the reclaim timeout ran out). */
type ClaimAnswer = 'keeps-session' | 'forgot-session';

/**
 * A fake Janus over a real WebSocket: it answers `create`, `attach`,
 * `claim` and `keepalive` like Janus, and lets each test push whatever
 * frames it wants at the client (garbage, unknown events, wrong types,
 * huge payloads).
 */
async function startFakeJanus(
  claimAnswer: ClaimAnswer = 'keeps-session',
): Promise<{ url: string; received: Array<Record<string, unknown>>; push(frame: unknown): void; answerNext(reply: (transaction: string) => unknown): void; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'janus-protocol' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  let client: WebSocket | null = null;
  const pendingReplies: Array<(transaction: string) => unknown> = [];
  const received: Array<Record<string, unknown>> = [];
  server.on('connection', (socket) => {
    client = socket;
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { janus: string; transaction: string };
      received.push(message);
      const reply =
        message.janus === 'create'
          ? { janus: 'success', transaction: message.transaction, data: { id: SESSION_ID } }
          : message.janus === 'attach'
            ? { janus: 'success', session_id: SESSION_ID, transaction: message.transaction, data: { id: HANDLE_ID } }
            : message.janus === 'message'
              ? pendingReplies.shift()?.(message.transaction)
              : message.janus === 'claim'
                ? claimReply(claimAnswer, message.transaction)
                : { janus: 'ack', session_id: SESSION_ID, transaction: message.transaction };
      if (reply !== undefined) socket.send(typeof reply === 'string' ? reply : JSON.stringify(reply));
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    received,
    push(frame) {
      client?.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    },
    answerNext(reply) {
      pendingReplies.push(reply);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function claimReply(answer: ClaimAnswer, transaction: string): unknown {
  return answer === 'keeps-session'
    ? { janus: 'success', session_id: SESSION_ID, transaction }
    : { janus: 'error', session_id: SESSION_ID, transaction, error: { code: 458, reason: `No such session ${SESSION_ID}` } };
}

/** A VideoRoom event from our handle, with any plugin data. */
function pluginEvent(data: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { janus: 'event', session_id: SESSION_ID, sender: HANDLE_ID, plugindata: { plugin: 'janus.plugin.videoroom', data }, ...extra };
}

const VALID_EVENT = { videoroom: 'event', room: 'faults', publishers: [{ id: 'feed-1', display: 'Alice', streams: [] }] };

/** The fake and the session a test opened; both closed after every test. */
let fake: Awaited<ReturnType<typeof startFakeJanus>> | null = null;
let janus: JanusSession | null = null;
afterEach(async () => {
  await janus?.close().catch(() => undefined);
  await fake?.close();
  janus = null;
  fake = null;
});

describe('malformed messages from Janus', { timeout: 30_000 }, () => {

  async function connect(): Promise<{ handle: VideoRoomHandle; events: VideoRoomEvent[]; problems: string[] }> {
    fake = await startFakeJanus();
    const problems: string[] = [];
    janus = await openJanusSession(fake.url, {}, (problem) => problems.push(problem));
    const handle = await VideoRoomHandle.attach(janus.session, (problem) => problems.push(problem));
    const events: VideoRoomEvent[] = [];
    handle.onEvent((event) => events.push(event));
    return { handle, events, problems };
  }

  test('garbage, unknown events, wrong types and huge payloads are dropped with a reason; the session keeps working', async () => {
    const { handle, events, problems } = await connect();
    const server = fake as NonNullable<typeof fake>;
    const garbage: unknown[] = [
      'this is not JSON {',
      'null',
      '[1,2,3]',
      '"a string"',
      { janus: 'no-such-message-type', session_id: SESSION_ID },
      { janus: 42 },
      { janus: 'event', session_id: 'not-a-number', sender: HANDLE_ID },
      { janus: 'event', session_id: 999_999, sender: HANDLE_ID, plugindata: { data: VALID_EVENT } },
      { janus: 'event', session_id: SESSION_ID, sender: 777, plugindata: { data: VALID_EVENT } },
      pluginEvent(null),
      pluginEvent('joined'),
      pluginEvent({ videoroom: 12 }),
      pluginEvent({ videoroom: 'no-such-event' }),
      pluginEvent({ videoroom: 'event', room: 'faults', publishers: 'everyone' }),
      pluginEvent({ videoroom: 'event', room: 'faults', publishers: [{ id: { nested: true }, display: 5 }] }),
      pluginEvent({ videoroom: 'joined', id: [], private_id: 'x', publishers: null }),
      pluginEvent(VALID_EVENT, { jsep: { type: 'prank', sdp: 42 } }),
      // Huge frames (just under the Node test client's 1 MiB frame limit; a browser has none): dropped or carried, never a stall.
      pluginEvent({ videoroom: 'event', room: 'faults', publishers: [{ id: 'feed-2', display: 'x'.repeat(1_000_000), streams: [] }] }),
      pluginEvent({ videoroom: 'event', room: 'faults', publishers: Array.from({ length: 60_000 }, (_, index) => ({ id: index })) }),
    ];
    for (const frame of garbage) server.push(frame);
    // A valid event after all of that still arrives: nothing upstream is wedged.
    server.push(pluginEvent(VALID_EVENT));
    await expect.poll(() => events.some((event) => event.videoroom === 'event' && event.publishers?.[0]?.id === 'feed-1'), { timeout: 10_000 }).toBe(true);

    // Each malformed VideoRoom event was named as such, and none reached the listeners.
    expect(problems.filter((problem) => problem === 'ignored a frame that is not a JSON object')).toHaveLength(4);
    expect(problems.filter((problem) => /^ignored (malformed VideoRoom event|VideoRoom event with a malformed SDP)/.test(problem)).length).toBeGreaterThanOrEqual(6);
    expect(events.every((event) => typeof event.videoroom === 'string')).toBe(true);

    // Requests still round-trip on the same session.
    server.answerNext((transaction) => ({ janus: 'success', session_id: SESSION_ID, sender: HANDLE_ID, transaction, plugindata: { plugin: 'janus.plugin.videoroom', data: { videoroom: 'success', exists: true } } }));
    await expect(handle.request({ request: 'exists', room: 'faults' })).resolves.toEqual({ videoroom: 'success', exists: true });
  });

  test('a malformed answer to a request is a clear error for the caller, not a hang', async () => {
    const { handle } = await connect();
    const server = fake as NonNullable<typeof fake>;
    server.answerNext((transaction) => ({ janus: 'error', session_id: SESSION_ID, sender: HANDLE_ID, transaction, error: { code: 'four-hundred', reason: { nested: 'object' } } }));
    await expect(handle.request({ request: 'exists', room: 'faults' })).rejects.toThrow();
    server.answerNext((transaction) => ({ janus: 'success', session_id: SESSION_ID, sender: HANDLE_ID, transaction, plugindata: { data: { videoroom: 'joined' } }, jsep: { type: 'answer', sdp: 17 } }));
    await expect(handle.request({ request: 'join', room: 'faults', ptype: 'publisher' })).rejects.toThrow(/malformed SDP/);
  });

  test('a request Janus never answers fails with a clear error, and the handle still works', async () => {
    const { handle } = await connect();
    const server = fake as NonNullable<typeof fake>;
    await expect(handle.request({ request: 'exists', room: 'faults' }, undefined, 300)).rejects.toThrow("Janus did not answer the 'exists' request within 0.3 s");
    server.answerNext((transaction) => ({ janus: 'success', session_id: SESSION_ID, sender: HANDLE_ID, transaction, plugindata: { plugin: 'janus.plugin.videoroom', data: { videoroom: 'success', exists: false } } }));
    await expect(handle.request({ request: 'exists', room: 'faults' })).resolves.toEqual({ videoroom: 'success', exists: false });
  });
});

describe('claiming a session over a new WebSocket', { timeout: 30_000 }, () => {

  test('a session Janus still keeps comes back with its id and its handles', async () => {
    fake = await startFakeJanus('keeps-session');
    const claimed = await reclaimJanusSession(fake.url, {}, SESSION_ID, [{ id: HANDLE_ID, name: 'janus.plugin.videoroom' }]);
    janus = claimed.janus;
    expect(claimed.janus.session.getId()).toBe(SESSION_ID);
    expect(claimed.plugins.map((plugin) => plugin.getId())).toEqual([HANDLE_ID]);
  });

  test('a session Janus forgot is refused with its answer, which sends the call to a rejoin at once', async () => {
    fake = await startFakeJanus('forgot-session');
    const refusal = await reclaimJanusSession(fake.url, {}, SESSION_ID, [{ id: HANDLE_ID, name: 'janus.plugin.videoroom' }]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).not.toBeNull();
    expect(janusRefusedClaim(refusal)).toBe(true);
  });

  test('an unreachable Janus is not a refusal: the claim is tried again', async () => {
    fake = await startFakeJanus();
    const url = fake.url;
    await fake.close();
    fake = null;
    const failure = await reclaimJanusSession(url, {}, SESSION_ID, []).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(janusRefusedClaim(failure)).toBe(false);
  });
});

describe('Janus credentials', { timeout: 30_000 }, () => {
  test('the token and the API secret ride on every request: create, attach, plugin messages and claim', async () => {
    fake = await startFakeJanus();
    const credentials = { token: 'a1b2c3d4', apiSecret: 'janusrocks' };
    janus = await openJanusSession(fake.url, credentials);
    const handle = await VideoRoomHandle.attach(janus.session, () => undefined);
    fake.answerNext((transaction) => ({ janus: 'success', session_id: SESSION_ID, sender: HANDLE_ID, transaction, plugindata: { plugin: 'janus.plugin.videoroom', data: { videoroom: 'success', exists: true } } }));
    await handle.request({ request: 'exists', room: 'faults' });
    await janus.close();
    janus = (await reclaimJanusSession(fake.url, credentials, SESSION_ID, [{ id: HANDLE_ID, name: 'janus.plugin.videoroom' }])).janus;
    expect(fake.received.map((message) => message.janus)).toEqual(['create', 'attach', 'message', 'claim']);
    for (const message of fake.received) expect(message).toMatchObject({ token: 'a1b2c3d4', apisecret: 'janusrocks' });
  });

  test('a session Janus refuses to create rejects with its code, and the socket is closed', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'janus-protocol' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const closed = new Promise<void>((resolve) => {
      server.on('connection', (socket) => {
        socket.on('close', () => resolve());
        socket.on('message', (raw) => {
          const { transaction } = JSON.parse(String(raw)) as { transaction: string };
          socket.send(JSON.stringify({ janus: 'error', transaction, error: { code: 403, reason: 'Unauthorized request (wrong or missing secret/token)' } }));
        });
      });
    });
    const { port } = server.address() as AddressInfo;
    await expect(openJanusSession(`ws://127.0.0.1:${port}`, { token: 'removed' })).rejects.toMatchObject({ code: 403, request: 'create' });
    await closed;
    await new Promise((resolve) => server.close(resolve));
  });
});
