import { describe, expect, test } from 'vitest';
import { createI18n, formatClock, formatDuration, formatNumber, MESSAGES, resolveLanguage, shownLanguage } from './i18n.js';

/** Every key path of a catalogue, nested keys joined with dots. */
function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

/** The {{placeholders}} of each message. */
function placeholders(messages: object): Record<string, string[]> {
  const flat: Record<string, string[]> = {};
  const walk = (value: object, prefix: string) => {
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === 'object' && inner !== null) walk(inner as object, `${prefix}${key}.`);
      else flat[`${prefix}${key}`] = [...String(inner).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
    }
  };
  walk(messages, '');
  return flat;
}

describe('translations', () => {
  test('German has every English key and no other', () => {
    const english = keys(MESSAGES.en).sort();
    const german = keys(MESSAGES.de).sort();
    expect(german.filter((key) => !english.includes(key))).toEqual([]);
    expect(english.filter((key) => !german.includes(key))).toEqual([]);
  });

  test('every German message fills the same placeholders as its English one, and none is empty', () => {
    expect(placeholders(MESSAGES.de)).toEqual(placeholders(MESSAGES.en));
    expect(keys(MESSAGES.de).filter((key) => String(key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], MESSAGES.de)).trim() === '')).toEqual([]);
  });

  test('the language follows the user’s choice, else the system’s first known language, else English', () => {
    expect(resolveLanguage('de', ['en-US'])).toBe('de');
    expect(resolveLanguage(null, ['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(resolveLanguage(null, ['fr-FR'])).toBe('en');
  });

  test('labels and numbers change with the language', async () => {
    const i18n = createI18n('en');
    expect(i18n.t('controls.leave')).toBe('Leave');
    await i18n.changeLanguage('de');
    expect(i18n.t('controls.leave')).toBe('Verlassen');
    expect(i18n.t('devices.fellBack', { lost: 'USB-Headset', using: 'Eingebautes Mikrofon' })).toBe('USB-Headset wurde getrennt; jetzt wird Eingebautes Mikrofon verwendet.');
    expect(formatNumber(1234.5, 'de')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });

  test('the board, the statistics and the picker speak the language too, counting the way it counts', () => {
    const english = createI18n('en');
    const german = createI18n('de');
    expect(english.t('board.droppedRecords', { count: 1 })).toMatch(/1 damaged record; it was dropped/);
    expect(english.t('board.droppedRecords', { count: 2 })).toMatch(/2 damaged records; they were dropped/);
    expect(german.t('board.droppedRecords', { count: 2 })).toMatch(/2 beschädigte Einträge/);
    expect(german.t('board.tools.eraser')).toBe('Radierer');
    expect(german.t('stats.iceRestarts', { count: 3 })).toBe('ICE-Neustarts: 3');
    expect(german.t('capture.screens', { count: 2 })).toBe('Bildschirme (2)');
  });

  test('a recording’s length and timeline read the language’s way, through Intl', () => {
    expect(formatDuration(3_725_000, 'en')).toBe('1 hr, 2 min, 5 sec');
    expect(formatDuration(3_725_000, 'de')).toBe('1 Std., 2 Min. und 5 Sek.');
    expect(formatDuration(400, 'en')).toBe('0 sec');
    expect(formatClock(65_400, 'de')).toBe('1:05');
    expect(formatClock(3_725_000, 'en')).toBe('1:02:05');
    expect(shownLanguage(createI18n('de'))).toBe('de');
  });

  test('the recordings library and the join errors count and fill in the way their language does', () => {
    const german = createI18n('de');
    expect(german.t('recordings.people', { count: 1 })).toBe('1 Person');
    expect(german.t('recordings.people', { count: 3 })).toBe('3 Personen');
    expect(createI18n('en').t('recordings.processing', { count: 2 })).toBe('Processing 2 recordings…');
    expect(german.t('recordings.server.answered', { status: 503 })).toBe('Der Aufnahmeserver hat mit 503 geantwortet.');
    expect(german.t('joinError.roomGone', { room: 'standup' })).toBe('Den Raum „standup“ gibt es auf diesem Medienserver nicht mehr.');
  });
});
