import { describe, expect, test } from 'vitest';
import { PushToTalk } from './push-to-talk.js';

const press = { code: 'Space', repeat: false, typing: false, muted: true };

describe('push-to-talk', () => {
  test('held while muted unmutes; released mutes again; key repeats change nothing', () => {
    const talk = new PushToTalk(() => 'Space');
    expect(talk.down(press)).toBe('unmute');
    expect(talk.down({ ...press, repeat: true, muted: false })).toBeNull();
    expect(talk.up('Space')).toBe('mute');
    expect(talk.up('Space')).toBeNull();
  });

  test('never while typing in a field, never for another key, and not when already unmuted', () => {
    const talk = new PushToTalk(() => 'Space');
    expect(talk.down({ ...press, typing: true })).toBeNull();
    expect(talk.down({ ...press, code: 'KeyA' })).toBeNull();
    expect(talk.down({ ...press, muted: false })).toBeNull();
    expect(talk.up('Space')).toBeNull();
  });

  test('the window losing focus while held mutes again', () => {
    const talk = new PushToTalk(() => 'Space');
    talk.down(press);
    expect(talk.blur()).toBe('mute');
    expect(talk.blur()).toBeNull();
  });

  test('off (no key) does nothing', () => {
    expect(new PushToTalk(() => null).down(press)).toBeNull();
  });
});
