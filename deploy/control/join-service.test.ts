import { describe, expect, test } from 'vitest';
import { JoinTicketSchema, RenewedTicketSchema } from '../../shared/control/join-ticket.js';
import { rankNodes } from '../../shared/control/node-order.js';
import { roomCredentials } from './room-credentials.js';
import { signGrant } from './signed-grants.js';
import type { FakeNode} from './test-doubles.js';
import { NODE_URLS, NOW, SECRET, setUpJoinService as setUp } from './test-doubles.js';

const pinOf = (room: string): string => roomCredentials(SECRET, room).pin;
const byUrl = (nodes: FakeNode[], url: string): FakeNode => nodes.find((node) => node.url === url)!;

describe('joining through the control plane', () => {
  test('a wrong PIN gets a 403 with a sentence and nothing else, and touches no node', async () => {
    const { service, nodes, audit } = setUp();
    const answer = await service.join('192.0.2.1', { room: 'standup', pin: '000000000000' });
    expect(answer).toEqual({ status: 403, body: { error: 'wrong-pin', message: 'That PIN does not open this room.' } });
    expect(nodes.flatMap((node) => [...node.tokens, ...node.created])).toEqual([]);
    expect(audit).toEqual([{ time: new Date(NOW).toISOString(), address: '192.0.2.1', room: 'standup', action: 'join', decision: 'refused', reason: 'wrong-pin' }]);
  });

  test('the right PIN creates the room on its first node with the admin key and answers a full ticket', async () => {
    const { service, nodes, audit } = setUp();
    const answer = await service.join('192.0.2.1', { room: 'standup', pin: pinOf('standup') });
    expect(answer.status).toBe(200);
    const ticket = JoinTicketSchema.parse(answer.body);
    const first = rankNodes('standup', NODE_URLS)[0]!;
    expect(ticket.node).toBe(first);
    expect(ticket.nodes).toEqual(rankNodes('standup', NODE_URLS));
    expect(byUrl(nodes, first).tokens).toEqual([ticket.janusToken.token]);
    expect(byUrl(nodes, first).created).toEqual([expect.objectContaining({ request: 'create', admin_key: 'videoroom-admin-key', room: ticket.janusRoom, pin: ticket.janusPin, audiolevel_event: true })]);
    expect(ticket.turn).toMatchObject({ uris: ['turn:10.0.0.9:3478'], ttl: 600, expiresAt: new Date(NOW + 600_000).toISOString() });
    expect(audit.at(-1)).toMatchObject({ decision: 'admitted', reason: 'pin', node: first });
    expect(JSON.stringify(audit)).not.toContain(pinOf('standup'));
  });

  test('a room that already exists on a later node stays there, and is not created again', async () => {
    const { service, nodes } = setUp();
    const last = rankNodes('standup', NODE_URLS)[2]!;
    byUrl(nodes, last).rooms.add(roomCredentials(SECRET, 'standup').janusRoom);
    const answer = await service.join('192.0.2.1', { room: 'standup', pin: pinOf('standup') });
    expect(answer.status === 200 && answer.body.node).toBe(last);
    expect(nodes.flatMap((node) => node.created)).toEqual([]);
  });

  test('a node that does not answer is skipped; none answering is a 503', async () => {
    const { service, nodes } = setUp();
    const [first, second] = rankNodes('standup', NODE_URLS);
    byUrl(nodes, first!).live = false;
    const answer = await service.join('192.0.2.1', { room: 'standup', pin: pinOf('standup') });
    expect(answer.status === 200 && answer.body.node).toBe(second);
    for (const node of nodes) node.live = false;
    expect(await service.join('192.0.2.1', { room: 'retro', pin: pinOf('retro') })).toMatchObject({ status: 503, body: { error: 'no-node' } });
  });

  test('a signed invite admits to its room only, until it expires', async () => {
    const { service, audit } = setUp();
    const invite = signGrant(SECRET, 'invite', 'standup', NOW / 1000 + 60);
    expect((await service.join('192.0.2.1', { room: 'standup', invite })).status).toBe(200);
    expect(audit.at(-1)).toMatchObject({ decision: 'admitted', reason: 'invite' });
    expect(await service.join('192.0.2.1', { room: 'retro', invite })).toMatchObject({ status: 403, body: { error: 'invalid-invite' } });
    const expired = signGrant(SECRET, 'invite', 'standup', NOW / 1000 - 1);
    expect(await service.join('192.0.2.1', { room: 'standup', invite: expired })).toMatchObject({ status: 403, body: { error: 'expired-invite' } });
  });

  test('a malformed request is a 400 saying what is wrong, and is audited with the room it named', async () => {
    const { service, audit } = setUp();
    const answer = await service.join('192.0.2.1', { room: '../etc', pin: '1' });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid-request' } });
    expect(answer.status === 400 && answer.body.message).toMatch(/Room names use letters/);
    expect(audit.at(-1)).toMatchObject({ room: '../etc', decision: 'refused', reason: 'invalid-request' });
  });

  test('100 rapid attempts from one address: all but the burst get 429 with a wait, another address is unaffected', async () => {
    const { service, audit } = setUp();
    const answers = [];
    for (let attempt = 0; attempt < 100; attempt += 1) answers.push(await service.join('192.0.2.7', { room: 'standup', pin: '000000000000' }));
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited).toHaveLength(90);
    expect(limited[0]).toMatchObject({ body: { error: 'rate-limited', message: expect.stringMatching(/try again in \d+ s/) }, retryAfterSeconds: 2 });
    expect(audit).toHaveLength(100);
    expect((await service.join('192.0.2.8', { room: 'standup', pin: pinOf('standup') })).status).toBe(200);
  });

  test('a renewal grant from a ticket yields a fresh token and TURN credentials on the room\u2019s node', async () => {
    const { service, nodes } = setUp();
    const joined = await service.join('192.0.2.1', { room: 'standup', pin: pinOf('standup') });
    if (joined.status !== 200) throw new Error('join refused');
    const renewed = await service.renew('192.0.2.1', { room: 'standup', renewal: joined.body.renewal.grant });
    expect(renewed.status).toBe(200);
    const fresh = RenewedTicketSchema.parse(renewed.body);
    expect(fresh.node).toBe(joined.body.node);
    expect(byUrl(nodes, fresh.node).tokens).toHaveLength(2);
    expect(await service.renew('192.0.2.1', { room: 'retro', renewal: joined.body.renewal.grant })).toMatchObject({ status: 403, body: { error: 'invalid-renewal' } });
    const invite = signGrant(SECRET, 'invite', 'standup', NOW / 1000 + 60);
    expect(await service.renew('192.0.2.1', { room: 'standup', renewal: invite })).toMatchObject({ status: 403, body: { error: 'invalid-renewal' } });
  });

  test('without TURN configured the ticket says turn: null', async () => {
    const { service } = setUp({ turn: null });
    const answer = await service.join('192.0.2.1', { room: 'standup', pin: pinOf('standup') });
    expect(answer.status === 200 && answer.body.turn).toBeNull();
  });
});
