import { describe, expect, test } from 'vitest';
import { applyVideoRoomEvent, reconcileRoster } from './participants.js';
import { VideoRoomEventSchema } from './janus/videoroom-messages.js';

const parse = (event: unknown) => VideoRoomEventSchema.parse(event);
const cameraStreams = (audio: string, video: string) => [
  { type: 'audio', mid: '0', description: audio },
  { type: 'video', mid: '1', description: video, simulcast: true },
];

describe('applyVideoRoomEvent', () => {
  test('reads mute state from stream descriptions and follows their updates', () => {
    let roster = applyVideoRoomEvent({}, parse({ videoroom: 'joined', room: 'r', id: 'me', publishers: [{ id: 'bob', display: 'Bob', streams: cameraStreams('mic', 'camera') }] }), 'me');
    expect(roster.bob).toMatchObject({ displayName: 'Bob', publishing: true, audioMuted: false, videoMuted: false, audioMid: '0', screenOf: null });
    roster = applyVideoRoomEvent(roster, parse({ videoroom: 'event', room: 'r', publishers: [{ id: 'bob', display: 'Bob', streams: cameraStreams('mic-muted', 'camera-off') }] }), 'me');
    expect(roster.bob).toMatchObject({ audioMuted: true, videoMuted: true });
  });

  test('marks screen-share feeds with their owner and leaves out our own', () => {
    const roster = applyVideoRoomEvent(
      {},
      parse({
        videoroom: 'joined',
        room: 'r',
        id: 'me',
        publishers: [
          { id: 'bob.screen', display: 'Bob', streams: [{ type: 'video', mid: '0', description: 'screen' }] },
          { id: 'me.screen', display: 'Me', streams: [{ type: 'video', mid: '0', description: 'screen' }] },
        ],
      }),
      'me',
    );
    expect(Object.keys(roster)).toEqual(['bob.screen']);
    expect(roster['bob.screen']?.screenOf).toBe('bob');
  });

  test('a moderated microphone counts as muted', () => {
    const roster = applyVideoRoomEvent(
      {},
      parse({ videoroom: 'event', room: 'r', publishers: [{ id: 'bob', streams: [{ type: 'audio', mid: '0', description: 'mic', moderated: true }] }] }),
      'me',
    );
    expect(roster.bob?.audioMuted).toBe(true);
  });
});

describe('reconcileRoster', () => {
  test('drops who left, adds who came, keeps what was known', () => {
    const roster = applyVideoRoomEvent({}, parse({ videoroom: 'joined', room: 'r', id: 'me', publishers: [{ id: 'bob', display: 'Bob', streams: cameraStreams('mic-muted', 'camera') }, { id: 'gone', display: 'Gone' }] }), 'me');
    const next = reconcileRoster(roster, [{ id: 'me', publisher: true }, { id: 'bob', display: 'Bob', publisher: true }, { id: 'new', display: 'New', publisher: false }], 'me');
    expect(Object.keys(next).sort()).toEqual(['bob', 'new']);
    expect(next.bob?.audioMuted).toBe(true);
    expect(next.new).toMatchObject({ displayName: 'New', publishing: false });
  });
});
