import { describe, expect, test } from 'vitest';
import { parseLaunchParams } from './launch-params.js';

describe('web launch parameters', () => {
  test('join=1 with a valid room and name joins directly', () => {
    expect(parseLaunchParams('?room=design-review&name=Ada%20Lovelace&join=1')).toEqual({
      room: 'design-review',
      displayName: 'Ada Lovelace',
      autoJoin: true,
    });
  });

  test('without join=1 the lobby is prefilled but waits', () => {
    expect(parseLaunchParams('?room=standup&name=Ada')).toEqual({ room: 'standup', displayName: 'Ada', autoJoin: false });
  });

  test('an invite link’s invite fills the PIN field, where the lobby takes invites too', () => {
    expect(parseLaunchParams('?room=standup&invite=v1.1800000000.abc')).toEqual({ room: 'standup', pin: 'v1.1800000000.abc', autoJoin: false });
  });

  test.each([
    ['a room with a slash', '?room=../admin&name=Ada&join=1', { displayName: 'Ada', autoJoin: false }],
    ['an empty name', '?room=standup&name=%20&join=1', { room: 'standup', autoJoin: false }],
    ['a name with control characters', '?room=standup&name=A%07da&join=1', { room: 'standup', autoJoin: false }],
    ['nothing at all', '', { autoJoin: false }],
  ])('drops %s and asks in the lobby instead', (_label, search, expected) => {
    expect(parseLaunchParams(search)).toEqual(expected);
  });
});
