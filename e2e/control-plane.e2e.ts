import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { AuditEntry } from '../deploy/control/audit-log.js';
import type { ControlConfig } from '../deploy/control/control-config.js';
import { JanusNode } from '../deploy/control/janus-node.js';
import { JanusRequestError, JanusSocket } from '../deploy/control/janus-socket.js';
import { roomCredentials } from '../deploy/control/room-credentials.js';
import { controlRoomCreation } from '../deploy/control/room-settings.js';
import { launchControlPlane } from '../deploy/stack/control-plane-service.js';
import { launchJanus, prepareJanusConfig } from '../deploy/stack/janus.js';
import type { ManagedProcess } from '../deploy/stack/managed-process.js';
import { startStack, type LocalStack } from '../deploy/stack/stack.js';
import { stackOptionsFromEnv, type StackOptions } from '../deploy/stack/stack-options.js';
import { JoinTicketSchema, type JoinTicket } from '../shared/control/join-ticket.js';
import { rankNodes } from '../shared/control/node-order.js';
import { PROJECT_ROOT } from '../scripts/launch-environment.js';
import { postJsonFrom } from './harness/control-plane-client.js';

// The real control plane in front of real Janus nodes, inside the private namespace.
// Each test speaks from its own loopback address, so the per-address limit of one does not touch another.

const IdReplySchema = z.looseObject({ data: z.looseObject({ id: z.number() }) });
const TokenListSchema = z.looseObject({ data: z.looseObject({ tokens: z.array(z.looseObject({ token: z.string() })) }) });
const PluginReplySchema = z.looseObject({ plugindata: z.looseObject({ data: z.looseObject({ error_code: z.number().optional() }) }) });
const RoomListSchema = z.looseObject({ list: z.array(z.looseObject({ room: z.number() })) });

let stack: LocalStack;
let options: StackOptions;
let control: ControlConfig;
const extraPlanes: ManagedProcess[] = [];
const extraJanus: ManagedProcess[] = [];

function pinOf(room: string): string {
  return roomCredentials(control.secret, room).pin;
}

async function join(from: string, body: unknown, url = stack.controlPlaneUrl!): Promise<{ status: number; body: unknown }> {
  return postJsonFrom(from, `${url}/join`, body);
}

async function admitted(from: string, body: unknown, url?: string): Promise<JoinTicket> {
  const answer = await join(from, body, url);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return JoinTicketSchema.parse(answer.body);
}

async function tokensOn(adminUrl: string): Promise<string[]> {
  const socket = await JanusSocket.open(adminUrl, 'janus-admin-protocol');
  try {
    const reply = TokenListSchema.parse(await socket.request({ janus: 'list_tokens', admin_secret: options.janusAdminSecret }));
    return reply.data.tokens.map((entry) => entry.token);
  } finally {
    socket.close();
  }
}

/** A Janus `create` on the API with this token (or none): resolves with the session id or rejects with Janus's refusal. */
async function createSession(url: string, token: string | undefined): Promise<number> {
  const socket = await JanusSocket.open(url, 'janus-protocol');
  try {
    return IdReplySchema.parse(await socket.request({ janus: 'create', ...(token ? { token } : {}) })).data.id;
  } finally {
    socket.close();
  }
}

/** The room as Janus describes it to an admin-key `list` (private rooms included). */
async function roomOnNode(node: JanusNode, janusRoom: number): Promise<Record<string, unknown> | undefined> {
  const listed = RoomListSchema.parse(await node.videoroomRequest({ request: 'list', admin_key: control.adminKey }));
  return listed.list.find((room) => room.room === janusRoom);
}

async function auditOf(file: string): Promise<AuditEntry[]> {
  return (await readFile(file, 'utf8')).trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as AuditEntry);
}

beforeAll(async () => {
  const runDirectory = path.join(PROJECT_ROOT, 'e2e/artifacts', `control-plane-${Date.now()}`);
  await mkdir(runDirectory, { recursive: true });
  options = { ...stackOptionsFromEnv({ ...process.env, CONFER_STACK_CONTROL: '1', CONFER_STACK_TURN: '1' }), runDirectory };
  stack = await startStack(options);
  control = stack.controlConfig!;
});

afterAll(async () => {
  await Promise.all([...extraPlanes, ...extraJanus].map((process) => process.stop()));
  await stack?.stop();
});

describe('the control plane of the local stack', () => {
  test('a wrong PIN gets a clear refusal and nothing else: no node, no token, no TURN credentials', async () => {
    const before = await tokensOn(stack.janusAdminUrl);
    const answer = await join('127.0.0.11', { room: 'standup', pin: '000000000000' });
    expect(answer).toEqual({ status: 403, body: { error: 'wrong-pin', message: 'That PIN does not open this room.' } });
    expect(await tokensOn(stack.janusAdminUrl)).toEqual(before);
    expect(stack.runtimeConfig.turnCredentialsUrl).toBeUndefined();
  });

  test('the right PIN gets the node, a token Janus accepts, and TURN credentials coturn would check', async () => {
    const ticket = await admitted('127.0.0.12', { room: 'standup', pin: pinOf('standup') });
    expect(ticket.node).toBe(stack.runtimeConfig.janusUrl);
    expect(await createSession(ticket.node, ticket.janusToken.token)).toBeGreaterThan(0);
    await expect(createSession(ticket.node, undefined)).rejects.toMatchObject({ code: 403 });
    await expect(createSession(ticket.node, 'confer.9999999999.guessedguessedguessed1')).rejects.toBeInstanceOf(JanusRequestError);
    expect(ticket.turn).not.toBeNull();
    expect(ticket.turn!.password).toBe(createHmac('sha1', options.turn!.secret).update(ticket.turn!.username).digest('base64'));
    expect(ticket.turn!.uris).toEqual([`turn:127.0.0.1:${options.turn!.port}?transport=udp`]);
  });

  test('the room it created is on that node, private, with the Janus PIN and audiolevel_event', async () => {
    const ticket = await admitted('127.0.0.13', { room: 'design-review', pin: pinOf('design-review') });
    const node = new JanusNode(control.nodes[0]!);
    try {
      expect(await roomOnNode(node, ticket.janusRoom)).toMatchObject({ description: 'design-review', pin_required: true, is_private: true, audiolevel_event: true });
    } finally {
      node.close();
    }
  });

  test('clients cannot create rooms: Janus wants the admin key only the control plane holds', async () => {
    const ticket = await admitted('127.0.0.14', { room: 'sneaky', pin: pinOf('sneaky') });
    const socket = await JanusSocket.open(ticket.node, 'janus-protocol');
    try {
      const token = ticket.janusToken.token;
      const session = IdReplySchema.parse(await socket.request({ janus: 'create', token })).data.id;
      const handle = IdReplySchema.parse(await socket.request({ janus: 'attach', session_id: session, plugin: 'janus.plugin.videoroom', token })).data.id;
      const create = async (extra: Record<string, string>): Promise<number | undefined> =>
        PluginReplySchema.parse(await socket.request({ janus: 'message', session_id: session, handle_id: handle, token, body: { request: 'create', room: 4242, ...extra } })).plugindata.data.error_code;
      // VideoRoom's codes: 429 a missing element, 433 unauthorized.
      expect(await create({})).toBe(429);
      expect(await create({ admin_key: 'not-the-admin-key' })).toBe(433);
    } finally {
      socket.close();
    }
  });

  test('100 rapid joins from one address: most are refused with 429 and a sentence', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => join('127.0.0.15', { room: 'standup', pin: pinOf('standup') })));
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(85);
    expect(limited[0]!.body).toMatchObject({ error: 'rate-limited', message: expect.stringMatching(/^Too many attempts from this address: try again in \d+ s\.$/) });
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(0);
  });

  test('one audit line for every decision so far, and never a PIN', async () => {
    // 1 wrong PIN + 3 admissions + 100 rapid joins. The log is a file
    // stream: its last lines may reach the disk just after the replies.
    await expect.poll(async () => (await auditOf(control.auditFile!)).length).toBe(104);
    const lines = await auditOf(control.auditFile!);
    for (const line of lines) expect(Object.keys(line).sort()).toEqual(expect.arrayContaining(['action', 'address', 'decision', 'reason', 'room', 'time']));
    expect(lines[0]).toMatchObject({ address: '127.0.0.11', room: 'standup', decision: 'refused', reason: 'wrong-pin' });
    expect(lines.filter((line) => line.reason === 'rate-limited').every((line) => line.address === '127.0.0.15')).toBe(true);
    const text = await readFile(control.auditFile!, 'utf8');
    expect(text).not.toContain(pinOf('standup'));
  });
});

/** A moderator's invite, minted with the command line as a moderator would. */
function mintInvite(room: string): string {
  const minted = spawnSync(process.execPath, ['--import', 'tsx', 'deploy/control/cli.ts', 'invite', room, '--hours', '1'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CONFER_CONTROL_SECRET: control.secret },
    encoding: 'utf8',
  });
  expect(minted.status, minted.stderr).toBe(0);
  const printed = JSON.parse(minted.stdout) as { invite: string; link: string };
  expect(printed.link).toBe(`confer://join/${room}?invite=${printed.invite}`);
  return printed.invite;
}

describe('several control-plane processes, several nodes', () => {
  test('a second process gives the same node and accepts the same invite', async () => {
    const second = { ...control, port: control.port + 100, auditFile: path.join(stack.runDirectory, 'control-audit-second.jsonl') };
    extraPlanes.push(await launchControlPlane(stack.runDirectory, second, 'control-plane-second'));
    const invite = mintInvite('all-hands');
    const fromFirst = await admitted('127.0.0.21', { room: 'all-hands', invite });
    const fromSecond = await admitted('127.0.0.21', { room: 'all-hands', invite }, `http://127.0.0.1:${second.port}`);
    expect(fromSecond.node).toBe(fromFirst.node);
    expect(fromSecond.janusRoom).toBe(fromFirst.janusRoom);
    expect(await createSession(fromSecond.node, fromSecond.janusToken.token)).toBeGreaterThan(0);
    expect(await join('127.0.0.21', { room: 'other-room', invite }, `http://127.0.0.1:${second.port}`)).toMatchObject({ status: 403, body: { error: 'invalid-invite' } });
    expect((await auditOf(second.auditFile)).map((line) => line.reason)).toEqual(['invite', 'invalid-invite']);
  });

  test('three nodes: rooms spread over them, a room stays on the node that holds it, a dead node is skipped, expired tokens are swept', async () => {
    const nodes = [control.nodes[0]!];
    for (const [index, offset] of [100, 200].entries()) {
      const runDirectory = path.join(stack.runDirectory, `janus-${index + 2}`);
      await mkdir(runDirectory, { recursive: true });
      const janusOptions = {
        runDirectory,
        wsPort: options.janusPort + offset,
        adminWsPort: options.janusAdminPort + offset,
        adminSecret: options.janusAdminSecret,
        rtpPortRange: `${32000 + offset * 10}-${32099 + offset * 10}`,
        recordingsDirectory: path.join(runDirectory, 'recordings'),
        controlPlane: { videoroomAdminKey: control.adminKey },
      };
      extraJanus.push(await launchJanus(await prepareJanusConfig(janusOptions), janusOptions));
      nodes.push({ url: `ws://127.0.0.1:${janusOptions.wsPort}`, adminUrl: `ws://127.0.0.1:${janusOptions.adminWsPort}`, adminSecret: options.janusAdminSecret });
    }
    const threeNodes = { ...control, nodes, port: control.port + 200, janusTokenTtlSeconds: 5, sweepSeconds: 1, auditFile: path.join(stack.runDirectory, 'control-audit-three.jsonl') };
    extraPlanes.push(await launchControlPlane(stack.runDirectory, threeNodes, 'control-plane-three'));
    const url = `http://127.0.0.1:${threeNodes.port}`;
    const urls = nodes.map((node) => node.url);

    const rooms = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
    const placed = [];
    for (const [index, room] of rooms.entries()) placed.push(await admitted(`127.0.0.${31 + index}`, { room, pin: pinOf(room) }, url));
    expect(new Set(placed.map((ticket) => ticket.node)).size).toBeGreaterThanOrEqual(2);
    for (const [index, ticket] of placed.entries()) expect(ticket.node).toBe(rankNodes(rooms[index]!, urls)[0]);

    // A room made on its last-ranked node (as after a failover) stays there.
    const last = rankNodes('golf', urls)[2]!;
    const lastNode = new JanusNode(nodes.find((node) => node.url === last)!);
    try {
      await lastNode.createRoom(controlRoomCreation('golf', roomCredentials(control.secret, 'golf'), control.adminKey));
    } finally {
      lastNode.close();
    }
    expect((await admitted('127.0.0.41', { room: 'golf', pin: pinOf('golf') }, url)).node).toBe(last);

    // Five-second tokens are gone from their node once the sweep has seen them expire,
    // and a session opened with one is refused from then on, keepalives included.
    const token = placed.at(-1)!.janusToken.token;
    const nodeUrl = placed.at(-1)!.node;
    const socket = await JanusSocket.open(nodeUrl, 'janus-protocol');
    try {
      const session = IdReplySchema.parse(await socket.request({ janus: 'create', token })).data.id;
      await expect.poll(async () => (await tokensOn(nodes[urls.indexOf(nodeUrl)]!.adminUrl)).includes(token), { timeout: 20_000, interval: 500 }).toBe(false);
      await expect(socket.request({ janus: 'keepalive', session_id: session, token })).rejects.toMatchObject({ code: 403 });
    } finally {
      socket.close();
    }
    await expect(createSession(nodeUrl, token)).rejects.toMatchObject({ code: 403 });

    // A new room whose first node is down goes to its second.
    const newRoom = Array.from({ length: 50 }, (_, index) => `hotel-${index}`).find((name) => rankNodes(name, urls)[0] !== urls[0])!;
    const [first, second] = rankNodes(newRoom, urls);
    await extraJanus[urls.indexOf(first!) - 1]!.stop();
    expect((await admitted('127.0.0.42', { room: newRoom, pin: pinOf(newRoom) }, url)).node).toBe(second);
  });
});
