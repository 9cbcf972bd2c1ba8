import { describe, expect, test, vi } from 'vitest';
import { createCallStore, initialCallState } from './call-store.js';
import { Moderation, moderationOfSelf } from './moderation.js';

describe('being moderated', () => {
  test('only a moderation event naming our own feed counts', () => {
    expect(moderationOfSelf({ videoroom: 'event', id: 'me', moderation: 'muted', mid: '0' }, 'me')).toBe('muted');
    expect(moderationOfSelf({ videoroom: 'event', id: 'someone', moderation: 'muted' }, 'me')).toBeNull();
    expect(moderationOfSelf({ videoroom: 'event', id: 'me' }, 'me')).toBeNull();
    expect(moderationOfSelf({ videoroom: 'event', id: 'me', moderation: 'muted' }, null)).toBeNull();
  });

  test('a moderator’s mute mutes our microphone and is remembered until they unmute us', () => {
    const store = createCallStore();
    store.setState({ ...initialCallState, phase: 'in-call', selfId: 'me' });
    const muteSelf = vi.fn(async () => undefined);
    const moderation = new Moderation(store, () => null, muteSelf);
    moderation.heard({ videoroom: 'event', id: 'me', moderation: 'muted', mid: '0' });
    expect(muteSelf).toHaveBeenCalledOnce();
    expect(store.getState().audioModerated).toBe(true);
    moderation.heard({ videoroom: 'event', id: 'me', moderation: 'unmuted', mid: '0' });
    expect(store.getState().audioModerated).toBe(false);
    // Unmuting by the moderator does not turn our microphone on behind our back.
    expect(muteSelf).toHaveBeenCalledOnce();
  });
});
