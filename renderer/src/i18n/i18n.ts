import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/desktop/call-preferences.js';
import { resolveLanguage } from '../../../shared/desktop/language.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';

export { resolveLanguage };

export const MESSAGES = { en, de } as const;

/**
 * One i18next instance for the renderer, with the catalogues bundled
 * (no loading, no flash of keys). React escapes what it renders, so
 * i18next's own HTML escaping is off.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(MESSAGES).map(([code, messages]) => [code, { translation: messages }])),
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** A date and time the user's way (`Intl`), for the language shown: in full unless `style` says less. */
/** Formatters by language and style: building one costs a few milliseconds, and a list formats a date per row. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(date: Date, language: Language, style: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' }): string {
  const key = `${language} ${JSON.stringify(style)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, style);
    dateFormats.set(key, format);
  }
  return format.format(date);
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(language, options).format(value);
}

/** The language an i18next instance shows, as one of ours. */
export function shownLanguage(instance: Pick<i18n, 'language'>): Language {
  return resolveLanguage(null, [instance.language]);
}

/** A position on a timeline, [h:]mm:ss, in the language's digits. */
export function formatClock(ms: number, language: Language): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const twoDigits = new Intl.NumberFormat(language, { minimumIntegerDigits: 2, useGrouping: false });
  const plain = new Intl.NumberFormat(language, { useGrouping: false });
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = twoDigits.format(total % 60);
  return hours > 0 ? `${plain.format(hours)}:${twoDigits.format(minutes)}:${seconds}` : `${plain.format(minutes)}:${seconds}`;
}

/** A length of time in the language's words for hours, minutes and seconds ("1 hr, 5 min" / "1 Std., 5 Min."). */
export function formatDuration(ms: number, language: Language): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const parts: [number, 'hour' | 'minute' | 'second'][] = [
    [Math.floor(total / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [total % 60, 'second'],
  ];
  const shown = parts.filter(([value]) => value > 0);
  const words = (shown.length > 0 ? shown : [[0, 'second'] as const]).map(([value, unit]) => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short' }).format(value));
  return new Intl.ListFormat(language, { style: 'short', type: 'unit' }).format(words);
}
