import { describe, expect, test } from 'vitest';
import { JoinRequestSchema, JoinTicketSchema, renewJoinTicket, requestJoinTicket, type FetchLike, type JoinTicket } from './join-ticket.js';

const GRANT = `v1.1800000000.${'A'.repeat(43)}`;
const TICKET: JoinTicket = {
  room: 'standup',
  janusRoom: 123456789,
  janusPin: 'derived-janus-pin',
  node: 'ws://127.0.0.1:8188',
  nodes: ['ws://127.0.0.1:8188', 'ws://127.0.0.1:8288'],
  janusToken: { token: 'confer.1800000000.abc', ttl: 600, expiresAt: '2027-01-15T08:00:00.000Z' },
  turn: { username: '1800000000:confer', password: 'p', uris: ['turn:127.0.0.1:3478?transport=udp'], ttl: 600, expiresAt: '2027-01-15T08:00:00.000Z' },
  renewal: { grant: GRANT, expiresAt: '2027-01-15T20:00:00.000Z' },
};

/** A fetch that answers one status and body, and remembers what it was asked. */
function answering(status: number, body: unknown) {
  const calls: Array<{ url: string; body: string }> = [];
  const fetchFn: FetchLike = async (url, init) => {
    calls.push({ url, body: init.body });
    return { status, json: async () => body };
  };
  return { fetchFn, calls };
}

describe('join request schema', () => {
  test('takes a room with a 12-digit PIN or with an invite, never both or neither', () => {
    expect(JoinRequestSchema.safeParse({ room: 'standup', pin: '123456789012' }).success).toBe(true);
    expect(JoinRequestSchema.safeParse({ room: 'standup', invite: GRANT }).success).toBe(true);
    expect(JoinRequestSchema.safeParse({ room: 'standup', pin: '123456789012', invite: GRANT }).success).toBe(false);
    expect(JoinRequestSchema.safeParse({ room: 'standup' }).success).toBe(false);
    expect(JoinRequestSchema.safeParse({ room: 'standup', pin: '1234' }).success).toBe(false);
    expect(JoinRequestSchema.safeParse({ room: '../x', pin: '123456789012' }).success).toBe(false);
  });

  test('a ticket with a node that is not a WebSocket URL is refused', () => {
    expect(JoinTicketSchema.safeParse({ ...TICKET, node: 'http://127.0.0.1:8188' }).success).toBe(false);
  });
});

describe('requestJoinTicket', () => {
  test('posts the request as JSON to /join and returns the checked ticket', async () => {
    const { fetchFn, calls } = answering(200, TICKET);
    expect(await requestJoinTicket(fetchFn, 'http://127.0.0.1:8191/', { room: 'standup', pin: '123456789012' })).toEqual({ ok: true, value: TICKET });
    expect(calls).toEqual([{ url: 'http://127.0.0.1:8191/join', body: '{"room":"standup","pin":"123456789012"}' }]);
  });

  test('a refusal comes back as its code and sentence', async () => {
    const { fetchFn } = answering(403, { error: 'wrong-pin', message: 'That PIN does not open this room.' });
    expect(await requestJoinTicket(fetchFn, 'http://cp', { room: 'standup', pin: '000000000000' })).toEqual({ ok: false, error: { error: 'wrong-pin', message: 'That PIN does not open this room.' } });
  });

  test('a 200 that is not a ticket, an error without a reason, and an unreachable server are each an internal error', async () => {
    const notTicket = await requestJoinTicket(answering(200, { ...TICKET, janusRoom: -1 }).fetchFn, 'http://cp', { room: 'standup', pin: '123456789012' });
    expect(notTicket).toMatchObject({ ok: false, error: { error: 'internal' } });
    const bare = await requestJoinTicket(answering(502, '<html>').fetchFn, 'http://cp', { room: 'standup', pin: '123456789012' });
    expect(bare).toMatchObject({ ok: false, error: { error: 'internal', message: 'The control plane answered 502 without a reason.' } });
    const unreachable: FetchLike = async () => {
      throw new Error('connection refused');
    };
    expect(await requestJoinTicket(unreachable, 'http://cp', { room: 'standup', pin: '123456789012' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('connection refused') } });
  });

  test('renewJoinTicket posts the renewal grant to /renew', async () => {
    const { fetchFn, calls } = answering(200, { node: TICKET.node, janusToken: TICKET.janusToken, turn: null });
    expect(await renewJoinTicket(fetchFn, 'http://cp', { room: 'standup', renewal: GRANT })).toMatchObject({ ok: true, value: { turn: null } });
    expect(calls[0]?.url).toBe('http://cp/renew');
  });
});
