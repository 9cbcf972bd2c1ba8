import { describe, expect, test } from 'vitest';
import { screenDescription, screenDescriptions } from './feed-labels.js';
import { applyVideoRoomEvent, canSpeak, reconcileRoster } from './participants.js';
import { testParticipant } from './test-participants.js';
import { VideoRoomEventSchema } from './janus/videoroom-messages.js';

const parse = (event: unknown) => VideoRoomEventSchema.parse(event);
const cameraStreams = (audio: string, video: string) => [
  { type: 'audio', mid: '0', description: audio },
  { type: 'video', mid: '1', description: video, simulcast: true },
];

describe('applyVideoRoomEvent', () => {
  test('reads mute state from stream descriptions and follows their updates', () => {
    let roster = applyVideoRoomEvent({}, parse({ videoroom: 'joined', room: 'r', id: 'me', publishers: [{ id: 'bob', display: 'Bob', streams: cameraStreams('mic', 'camera') }] }), { camera: 'me' });
    expect(roster.bob).toMatchObject({ displayName: 'Bob', publishing: true, audioMuted: false, videoMuted: false, audioMid: '0', screenOf: null });
    roster = applyVideoRoomEvent(roster, parse({ videoroom: 'event', room: 'r', publishers: [{ id: 'bob', display: 'Bob', streams: cameraStreams('mic-muted', 'camera-off') }] }), { camera: 'me' });
    expect(roster.bob).toMatchObject({ audioMuted: true, videoMuted: true });
  });

  test('a screen share carries the computer’s sound only when its publisher sends it', () => {
    const streams = (audioMid: string | null) => screenDescriptions(audioMid, '1', '8001').map(({ mid, description }) => ({ type: mid === audioMid ? 'audio' : 'video', mid, description }));
    const roster = applyVideoRoomEvent(
      {},
      parse({ videoroom: 'event', room: 'r', publishers: [{ id: 'with', display: 'Bob', streams: streams('0') }, { id: 'without', display: 'Bob', streams: streams(null) }] }),
      { camera: 'me' },
    );
    expect(roster.with).toMatchObject({ screenOf: '8001', audioMuted: false });
    expect(roster.without).toMatchObject({ screenOf: '8001', audioMuted: true });
  });

  test('a screen share’s sound never makes it the speaker; people, and feeds not listed yet, can be', () => {
    const roster = { bob: testParticipant('bob', 'Bob'), 'bob-screen': testParticipant('bob-screen', 'Bob', { screenOf: 'bob' }) };
    expect(canSpeak(roster, 'bob')).toBe(true);
    expect(canSpeak(roster, 'bob-screen')).toBe(false);
    expect(canSpeak(roster, 'carol')).toBe(true);
  });

  test('marks screen-share feeds with the owner their video description names, and leaves out our own', () => {
    const screen = (owner: string) => [{ type: 'video', mid: '0', description: screenDescription(owner) }];
    const roster = applyVideoRoomEvent(
      {},
      parse({
        videoroom: 'joined',
        room: 1234,
        id: 7001,
        publishers: [
          { id: 8001, display: 'Bob', streams: cameraStreams('mic', 'camera') },
          { id: 8002, display: 'Bob', streams: screen('8001') },
          { id: 7002, display: 'Me', streams: screen('7001') },
        ],
      }),
      { camera: '7001' },
    );
    expect(Object.keys(roster).sort()).toEqual(['8001', '8002']);
    expect(roster['8002']?.screenOf).toBe('8001');
    expect(roster['8001']?.screenOf).toBeNull();
  });

  test('a screen feed announced before it publishes becomes a screen once its streams arrive; our own is never listed', () => {
    const own = { camera: 'me', screen: 'my-screen' };
    let roster = applyVideoRoomEvent({}, parse({ videoroom: 'event', room: 'r', joining: { id: 'bob-screen', display: 'Bob' } }), own);
    roster = applyVideoRoomEvent(roster, parse({ videoroom: 'event', room: 'r', joining: { id: 'my-screen', display: 'Me' } }), own);
    expect(Object.keys(roster)).toEqual(['bob-screen']);
    roster = applyVideoRoomEvent(roster, parse({ videoroom: 'event', room: 'r', publishers: [{ id: 'bob-screen', display: 'Bob', streams: [{ type: 'video', mid: '0', description: screenDescription('bob') }] }] }), own);
    expect(roster['bob-screen']).toMatchObject({ screenOf: 'bob', publishing: true });
  });

  test('a moderated microphone counts as muted', () => {
    const roster = applyVideoRoomEvent(
      {},
      parse({ videoroom: 'event', room: 'r', publishers: [{ id: 'bob', streams: [{ type: 'audio', mid: '0', description: 'mic', moderated: true }] }] }),
      { camera: 'me' },
    );
    expect(roster.bob?.audioMuted).toBe(true);
  });
});

describe('reconcileRoster', () => {
  test('drops who left, adds who came, keeps what was known', () => {
    const roster = applyVideoRoomEvent({}, parse({ videoroom: 'joined', room: 'r', id: 'me', publishers: [{ id: 'bob', display: 'Bob', streams: cameraStreams('mic-muted', 'camera') }, { id: 'gone', display: 'Gone' }] }), { camera: 'me' });
    const next = reconcileRoster(roster, [{ id: 'me', publisher: true }, { id: 'bob', display: 'Bob', publisher: true }, { id: 'new', display: 'New', publisher: false }], { camera: 'me' });
    expect(Object.keys(next).sort()).toEqual(['bob', 'new']);
    expect(next.bob?.audioMuted).toBe(true);
    expect(next.new).toMatchObject({ displayName: 'New', publishing: false });
  });
});
