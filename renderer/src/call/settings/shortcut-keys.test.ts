import { describe, expect, test } from 'vitest';
import { DEFAULT_SHORTCUT_KEYS } from '../../../../shared/desktop/call-preferences.js';
import { actionForKey, pushToTalkConflict, remapShortcut } from './shortcut-keys.js';

describe('remapping the single-key shortcuts', () => {
  test('a free key moves the shortcut; the old key then does nothing', () => {
    const result = remapShortcut(DEFAULT_SHORTCUT_KEYS, 'microphone', 'K', 'Space');
    expect(result).toEqual({ ok: true, keys: { ...DEFAULT_SHORTCUT_KEYS, microphone: 'k' } });
    if (!result.ok) return;
    expect(actionForKey(result.keys, 'k')).toBe('microphone');
    expect(actionForKey(result.keys, 'm')).toBeNull();
  });

  test('a key another shortcut has is refused, naming it, and nothing changes', () => {
    expect(remapShortcut(DEFAULT_SHORTCUT_KEYS, 'microphone', 'v', 'Space')).toEqual({ ok: false, problem: 'taken', by: 'camera' });
    expect(remapShortcut(DEFAULT_SHORTCUT_KEYS, 'microphone', 'm', 'Space')).toEqual({ ok: true, keys: DEFAULT_SHORTCUT_KEYS });
  });

  test('push-to-talk’s key and keys that are not one letter or digit are refused', () => {
    expect(remapShortcut(DEFAULT_SHORTCUT_KEYS, 'hand', 'p', 'KeyP')).toEqual({ ok: false, problem: 'taken', by: 'pushToTalk' });
    expect(remapShortcut(DEFAULT_SHORTCUT_KEYS, 'hand', ' ', 'Space')).toEqual({ ok: false, problem: 'invalid' });
    expect(remapShortcut(DEFAULT_SHORTCUT_KEYS, 'hand', 'Enter', 'Space')).toEqual({ ok: false, problem: 'invalid' });
  });

  test('push-to-talk cannot take a shortcut’s key', () => {
    expect(pushToTalkConflict(DEFAULT_SHORTCUT_KEYS, 'KeyM')).toBe('microphone');
    expect(pushToTalkConflict(DEFAULT_SHORTCUT_KEYS, 'Space')).toBeNull();
  });
});
