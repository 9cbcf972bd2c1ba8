import { LANGUAGES, type Language } from './call-preferences.js';

/**
 * The language to show: the user's choice, else the first of the system's
 * languages we have (BCP 47 tags: `navigator.languages` in a page,
 * `app.getPreferredSystemLanguages()` in the main process), else English.
 */
export function resolveLanguage(chosen: Language | null, systemLanguages: readonly string[]): Language {
  if (chosen) return chosen;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    const known = LANGUAGES.find((language) => language === base);
    if (known) return known;
  }
  return 'en';
}
