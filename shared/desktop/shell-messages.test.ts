import { describe, expect, test } from 'vitest';
import { LANGUAGES } from './call-preferences.js';
import { deepLinkSentence, SHELL_MESSAGES, type ShellMessages } from './shell-messages.js';

/** Every message of a catalogue, each function called with sample values, by its dotted key. */
function messages(catalogue: object, prefix = ''): Record<string, string> {
  const sample = { status: 'S', room: 'R', reconnecting: true, current: 'C', next: 'N', names: ['name'], why: 'W', host: 'H', known: ['K'] };
  return Object.fromEntries(
    Object.entries(catalogue).flatMap(([key, value]): [string, string][] => {
      if (typeof value === 'function') return [[`${prefix}${key}`, String((value as (facts: unknown) => string)(key === 'tooltip' || key === 'question' || prefix === 'badLink.problem.' ? sample : 'X'))]];
      if (typeof value === 'object' && value !== null) return Object.entries(messages(value as object, `${prefix}${key}.`));
      return [[`${prefix}${key}`, String(value)]];
    }),
  );
}

describe('the desktop shell’s catalogue', () => {
  test('every language has every English key and no other, none of them empty', () => {
    const english = Object.keys(messages(SHELL_MESSAGES.en)).sort();
    for (const language of LANGUAGES) {
      const words = messages(SHELL_MESSAGES[language]);
      expect(Object.keys(words).sort()).toEqual(english);
      expect(Object.entries(words).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  test('the values it is given appear in every language’s sentence', () => {
    for (const language of LANGUAGES) {
      const words: ShellMessages = SHELL_MESSAGES[language];
      expect(words.tooltip({ status: 'S', room: 'standup', reconnecting: false })).toContain('standup');
      expect(words.notification.hand('Bob')).toContain('Bob');
      expect(words.linkDuringCall.question({ current: 'standup', next: 'retro' })).toMatch(/standup.*retro/);
      expect(words.startup.settingsFile('/home/a/settings.json')).toContain('/home/a/settings.json');
      expect(deepLinkSentence(words.badLink, { reason: 'unknownParameters', names: ['exec'] })).toContain('exec');
      expect(deepLinkSentence(words.badLink, { reason: 'otherServer', host: 'evil.example', known: ['meet.example.com'] })).toMatch(/evil\.example.*meet\.example\.com/);
    }
  });

  test('German is German', () => {
    expect(SHELL_MESSAGES.de.tooltip({ status: SHELL_MESSAGES.de.presence.muted, room: 'standup', reconnecting: true })).toBe(
      'Confer: Im Anruf, stummgeschaltet in standup, Verbindung wird wiederhergestellt',
    );
  });
});
