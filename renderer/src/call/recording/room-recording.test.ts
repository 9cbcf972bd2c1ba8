import { describe, expect, test } from 'vitest';
import { JanusRequestError } from '../janus/janus-request-error.js';
import { recordingOfList, recordingRefusal } from './room-recording.js';
import { recordingsLaunch } from './recording-state.js';

describe('what Janus says about a room\'s recording', () => {
  const list = { videoroom: 'success', list: [{ room: 'standup', record: true }, { room: 'retro', record: false }, { room: 1234 }] };

  test('reads the room\'s record flag from the list', () => {
    expect(recordingOfList(list, 'standup')).toBe(true);
    expect(recordingOfList(list, 'retro')).toBe(false);
    expect(recordingOfList(list, '1234')).toBe(false);
    expect(recordingOfList(list, 'not-created-yet')).toBe(false);
  });

  test('an answer in another shape is not guessed at', () => {
    expect(recordingOfList({ list: 'everything' }, 'standup')).toBeNull();
    expect(recordingOfList({ list: [{ room: 'standup', record: 'yes' }] }, 'standup')).toBeNull();
  });

  test('a refusal for want of the secret says that only a moderator can do it', () => {
    expect(recordingRefusal(new JanusRequestError('Missing mandatory element (secret)', 429), true)).toEqual({ reason: 'moderatorOnly', action: 'start', detail: '' });
    expect(recordingRefusal(new JanusRequestError('Unauthorized (wrong secret)', 433), false)).toEqual({ reason: 'moderatorOnly', action: 'stop', detail: '' });
    expect(recordingRefusal(new Error('Janus did not answer'), true)).toEqual({ reason: 'failed', action: 'start', detail: 'Janus did not answer' });
  });

  test('?recordings=<room> opens that room\'s recordings; a name that is not a room opens nothing', () => {
    expect(recordingsLaunch('?recordings=standup')).toBe('standup');
    expect(recordingsLaunch('?recordings=../etc')).toBeNull();
    expect(recordingsLaunch('?room=standup')).toBeNull();
  });
});
