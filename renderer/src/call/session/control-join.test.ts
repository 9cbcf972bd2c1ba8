import { describe, expect, test } from 'vitest';
import type { RuntimeConfig } from '../../../../shared/config/runtime-config.js';
import type { FetchLike, JoinTicket } from '../../../../shared/control/join-ticket.js';
import { createCallStore } from '../call-store.js';
import { controlJoinRequest, RoomAdmission } from './control-join.js';
import { RoomNodes } from './room-nodes.js';
import type { TimerClock } from '../timer-clock.js';

const INVITE = `v1.1800000000.${'A'.repeat(43)}`;
const CONFIG: RuntimeConfig = { janusUrl: 'ws://127.0.0.1:8188', signalingUrls: ['ws://127.0.0.1:4444'], iceServers: [{ urls: 'stun:stun.example.com' }], controlPlaneUrl: 'http://127.0.0.1:8191' };
const TICKET: JoinTicket = {
  room: 'standup',
  janusRoom: 123456789,
  janusPin: 'derived-janus-pin',
  node: 'ws://127.0.0.1:8188',
  nodes: ['ws://127.0.0.1:8188'],
  janusToken: { token: 'confer.1.first', ttl: 6, expiresAt: '2027-01-15T08:00:00.000Z' },
  turn: { username: '1:confer', password: 'first', uris: ['turn:127.0.0.1:3478?transport=udp'], ttl: 600, expiresAt: '2027-01-15T08:00:00.000Z' },
  renewal: { grant: INVITE, expiresAt: '2027-01-15T20:00:00.000Z' },
};

describe('what the PIN field holds', () => {
  test.each([
    ['12 digits', '123456789012', { room: 'standup', pin: '123456789012' }],
    ['digits in groups', ' 1234 5678-9012 ', { room: 'standup', pin: '123456789012' }],
    ['an invite', INVITE, { room: 'standup', invite: INVITE }],
    ['a desktop invite link', `confer://join/standup?invite=${INVITE}`, { room: 'standup', invite: INVITE }],
    ['a web invite link', `http://127.0.0.1:5173/?room=standup&invite=${INVITE}`, { room: 'standup', invite: INVITE }],
    ['nothing', '  ', 'pinNeeded'],
    ['a short PIN', '1234', 'notAPin'],
    ['a link without an invite', 'http://127.0.0.1:5173/?room=standup', 'notAPin'],
  ])('%s', (_label, typed, expected) => {
    expect(controlJoinRequest('standup', typed)).toEqual(expected);
  });
});

/** A control plane answering from a list, remembering what it was asked. */
function controlPlane(answers: Array<{ status: number; body: unknown } | Error>) {
  const asked: Array<{ url: string; body: unknown }> = [];
  const fetchFn: FetchLike = async (url, init) => {
    asked.push({ url, body: JSON.parse(init.body) });
    const answer = answers.shift();
    if (!answer || answer instanceof Error) throw answer ?? new Error('no more answers');
    return { status: answer.status, json: async () => answer.body };
  };
  return { fetchFn, asked };
}

function manualClock() {
  let now = 0;
  const timers: Array<{ at: number; run: () => void }> = [];
  const clock: TimerClock = {
    now: () => now,
    setTimeout: (run, ms) => timers.push({ at: now + ms, run }),
    clearTimeout: () => undefined,
  };
  return {
    clock,
    async runDue(to: number) {
      now = to;
      const due = timers.filter((entry) => entry.at <= to);
      timers.splice(0, timers.length, ...timers.filter((entry) => entry.at > to));
      for (const timer of due) timer.run();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function admissionWith(answers: Array<{ status: number; body: unknown } | Error>, config: RuntimeConfig = CONFIG) {
  const store = createCallStore();
  const nodes = new RoomNodes(config, () => undefined);
  const plane = controlPlane(answers);
  const time = manualClock();
  const configured: RTCConfiguration[] = [];
  const peer = { setConfiguration: (rtc: RTCConfiguration) => configured.push(structuredClone(rtc)) } as unknown as RTCPeerConnection;
  const admission = new RoomAdmission(config, store, nodes, () => [peer], () => undefined, plane.fetchFn, time.clock);
  return { store, nodes, plane, time, configured, admission };
}

describe('joining through the control plane', () => {
  test('the ticket gives the node, its token, the Janus room and PIN, and TURN beside the configured ICE servers', async () => {
    const { admission, nodes, plane } = admissionWith([{ status: 200, body: TICKET }]);
    const admitted = await admission.join('standup', { pin: '123456789012', secret: 'mod' }, 'string');
    expect(plane.asked).toEqual([{ url: 'http://127.0.0.1:8191/join', body: { room: 'standup', pin: '123456789012' } }]);
    expect(admitted).toMatchObject({ ok: true, access: { pin: 'derived-janus-pin', secret: 'mod', janusRoom: 123456789 } });
    expect(admitted.ok && admitted.rtc.iceServers).toEqual([{ urls: 'stun:stun.example.com' }, { urls: ['turn:127.0.0.1:3478?transport=udp'], username: '1:confer', credential: 'first' }]);
    expect(nodes.current).toMatchObject({ url: 'ws://127.0.0.1:8188', credentials: { token: 'confer.1.first' } });
    admission.stop();
  });

  test.each([
    ['a wrong PIN', { status: 403, body: { error: 'wrong-pin', message: 'That PIN does not open this room.' } }, 'wrongPin'],
    ['an expired invite', { status: 403, body: { error: 'expired-invite', message: 'This invite link has expired.' } }, 'expiredInvite'],
    ['too many attempts', { status: 429, body: { error: 'rate-limited', message: 'Too many attempts.' } }, 'rateLimited'],
    ['no media server', { status: 503, body: { error: 'no-node', message: 'No media server is answering.' } }, 'unavailable'],
    ['an answer without a reason', { status: 502, body: '<html>' }, 'refused'],
    ['no answer at all', new Error('connection refused'), 'unreachable'],
    ['a node outside the configuration', { status: 200, body: { ...TICKET, node: 'ws://elsewhere.example.com:8188' } }, 'foreignNode'],
  ] as const)('%s is refused with its reason, and no token is taken', async (_label, answer, reason) => {
    const { admission, store, nodes } = admissionWith([answer]);
    expect(await admission.join('standup', { pin: '123456789012' }, 'string')).toMatchObject({ ok: false });
    expect(store.getState().admissionRefusal).toBe(reason);
    expect(nodes.current.credentials.token).toBeUndefined();
  });

  test('a join left while the control plane answered starts no renewal and shows no refusal', async () => {
    const { admission, store, time, plane } = admissionWith([{ status: 200, body: TICKET }]);
    const joining = admission.join('standup', { pin: '123456789012' }, 'string');
    admission.stop();
    expect(await joining).toMatchObject({ ok: false });
    expect(store.getState().admissionRefusal).toBeNull();
    await time.runDue(60_000);
    expect(plane.asked).toHaveLength(1);
  });

  test('a PIN field that holds neither a PIN nor an invite is refused without asking', async () => {
    const { admission, store, plane } = admissionWith([]);
    expect(await admission.join('standup', { pin: 'hunter2' }, 'string')).toMatchObject({ ok: false });
    expect(store.getState().admissionRefusal).toBe('notAPin');
    expect(plane.asked).toEqual([]);
  });

  test('without a control plane nothing is asked and the access is the one typed', async () => {
    const { controlPlaneUrl: _none, ...bare } = CONFIG;
    const { admission, plane } = admissionWith([], bare);
    expect(await admission.join('standup', { pin: '4321' }, 'string')).toMatchObject({ ok: true, access: { pin: '4321' } });
    expect(plane.asked).toEqual([]);
  });
});

describe('renewal during the call', () => {
  const renewed = { node: TICKET.node, janusToken: { ...TICKET.janusToken, token: 'confer.2.second' }, turn: { ...TICKET.turn!, password: 'second' } };

  test('before the token expires the grant is presented; the new token and TURN credentials replace the old in place', async () => {
    const { admission, nodes, plane, time, configured } = admissionWith([{ status: 200, body: TICKET }, { status: 200, body: renewed }]);
    const admitted = await admission.join('standup', { pin: '123456789012' }, 'string');
    await time.runDue(3900);
    expect(plane.asked).toHaveLength(1);
    await time.runDue(4000);
    expect(plane.asked[1]).toEqual({ url: 'http://127.0.0.1:8191/renew', body: { room: 'standup', renewal: INVITE } });
    expect(nodes.current.credentials.token).toBe('confer.2.second');
    expect(configured.map((rtc) => rtc.iceServers?.[1]?.credential)).toEqual(['second']);
    expect(admitted.ok && admitted.rtc.iceServers?.[1]?.credential).toBe('second');
    admission.stop();
  });

  test('a rejoin asks the control plane where the room is now, with the grant', async () => {
    const moved = { ...renewed, node: 'ws://127.0.0.1:8288' };
    const { admission, nodes } = admissionWith([{ status: 200, body: { ...TICKET, nodes: ['ws://127.0.0.1:8188', 'ws://127.0.0.1:8288'] } }, { status: 200, body: moved }], { ...CONFIG, janusNodes: ['ws://127.0.0.1:8188', 'ws://127.0.0.1:8288'] });
    await admission.join('standup', { pin: '123456789012' }, 'string');
    await expect(admission.place('standup', 'numeric')).resolves.toBe(true);
    expect(nodes.current).toMatchObject({ url: 'ws://127.0.0.1:8288', credentials: { token: 'confer.2.second' } });
    admission.stop();
  });

  test('a grant the control plane no longer renews ends a rejoin with its sentence', async () => {
    const { admission } = admissionWith([{ status: 200, body: TICKET }, { status: 403, body: { error: 'invalid-renewal', message: 'This call can no longer be renewed: join again.' } }]);
    await admission.join('standup', { pin: '123456789012' }, 'string');
    await expect(admission.place('standup', 'numeric')).rejects.toMatchObject({ name: 'JoinRefusedError', problem: { reason: 'renewalRefused', room: 'standup', janus: 'This call can no longer be renewed: join again.' } });
  });
});
