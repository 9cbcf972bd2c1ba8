import { describe, expect, test } from 'vitest';
import { JanusRequestError } from '../janus/janus-request-error.js';
import { findOrCreateRoom, roomSendsTalking, type RoomRequests } from './room-entry.js';

type Body = Record<string, unknown>;

/**
 * A VideoRoom that answers like Janus for one id kind: numeric
 * (`string_ids = false`, Janus's default) or string. It refuses the other
 * kind with 430, as janus_videoroom.c does, and `create` without an admin key with 429 when it
 * holds an admin key.
 */
function fakeRoom(kind: 'numeric' | 'string', rooms: Array<{ room: string | number; audiolevel_event?: boolean }>, adminKey = false) {
  const sent: Body[] = [];
  const handle: RoomRequests = {
    async request(body: Body) {
      sent.push(body);
      const room = body.room;
      if (body.request !== 'list' && typeof room !== (kind === 'numeric' ? 'number' : 'string')) {
        throw new JanusRequestError(`Invalid element type (room should be ${kind === 'numeric' ? 'a positive integer' : 'a non-empty string'})`, 430, String(body.request));
      }
      if (body.request === 'exists') return { videoroom: 'success', room, exists: rooms.some((entry) => entry.room === room) };
      if (body.request === 'create') {
        if (adminKey) throw new JanusRequestError('Missing mandatory element (admin_key)', 429, 'create');
        rooms.push({ room: room as string | number, audiolevel_event: body.audiolevel_event === true });
        return { videoroom: 'created', room };
      }
      if (body.request === 'list') return { videoroom: 'success', list: rooms };
      throw new Error(`unexpected ${String(body.request)}`);
    },
  };
  return { handle, sent, rooms };
}

describe('finding the room on any Janus', () => {
  test('Debian’s stock room 1234: the string id is refused, the number is found, and nothing is created', async () => {
    const janus = fakeRoom('numeric', [{ room: 1234 }, { room: 5678 }]);
    await expect(findOrCreateRoom(janus.handle, '1234', {}, 'string')).resolves.toEqual({ address: { kind: 'numeric', room: 1234 }, created: false });
    expect(janus.sent.map((body) => [body.request, body.room])).toEqual([['exists', '1234'], ['exists', 1234]]);
  });

  test('a kind learnt before is tried first: one request', async () => {
    const janus = fakeRoom('numeric', [{ room: 1234 }]);
    await findOrCreateRoom(janus.handle, '1234', {}, 'numeric');
    expect(janus.sent).toHaveLength(1);
  });

  test('a room of our own on a numeric server is created under its derived number, with its name as description', async () => {
    const janus = fakeRoom('numeric', []);
    const found = await findOrCreateRoom(janus.handle, 'standup', { pin: '4321' }, 'string');
    expect(found).toMatchObject({ address: { kind: 'numeric' }, created: true });
    expect(janus.sent.at(-1)).toMatchObject({ request: 'create', room: found.address.room, description: 'standup', pin: '4321', audiolevel_event: true });
  });

  test('Confer’s own stack (string ids): found or created as a string, as before', async () => {
    const janus = fakeRoom('string', []);
    await expect(findOrCreateRoom(janus.handle, 'standup', {}, 'string')).resolves.toEqual({ address: { kind: 'string', room: 'standup' }, created: true });
    await expect(findOrCreateRoom(janus.handle, 'standup', {}, 'string')).resolves.toEqual({ address: { kind: 'string', room: 'standup' }, created: false });
  });

  test('a control plane’s ticket names the room’s number: it is asked for under that number alone, whatever the name or the kind tried last', async () => {
    const janus = fakeRoom('numeric', [{ room: 987654321 }], true);
    await expect(findOrCreateRoom(janus.handle, 'standup', { pin: 'derived', janusRoom: 987654321 }, 'string')).resolves.toEqual({ address: { kind: 'numeric', room: 987654321 }, created: false });
    expect(janus.sent).toEqual([{ request: 'exists', room: 987654321 }]);
  });

  test('a server that holds an admin key refuses the creation, and the error says it was a create', async () => {
    const janus = fakeRoom('string', [], true);
    await expect(findOrCreateRoom(janus.handle, 'standup', {}, 'string')).rejects.toMatchObject({ code: 429, request: 'create' });
  });

  test('the room list says whether the room sends talking events; a room it does not show is unknown', async () => {
    const janus = fakeRoom('numeric', [{ room: 1234 }, { room: 5678, audiolevel_event: true }]);
    expect(await roomSendsTalking(janus.handle, { kind: 'numeric', room: 1234 })).toBeNull();
    expect(await roomSendsTalking(janus.handle, { kind: 'numeric', room: 5678 })).toBe(true);
    janus.rooms[0] = { room: 1234, audiolevel_event: false };
    expect(await roomSendsTalking(janus.handle, { kind: 'numeric', room: 1234 })).toBe(false);
    expect(await roomSendsTalking(janus.handle, { kind: 'numeric', room: 42 })).toBeNull();
  });
});
