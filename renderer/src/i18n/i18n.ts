import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/desktop/call-preferences.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';

export { resolveLanguage } from '../../../shared/desktop/language.js';

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

/** A date and time the user's way (`Intl`), for the language shown. */
export function formatDateTime(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(language, options).format(value);
}
