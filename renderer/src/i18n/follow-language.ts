import type { i18n } from 'i18next';
import type { Language } from '../../../shared/desktop/call-preferences.js';
import { resolveLanguage } from './i18n.js';

/** Where the chosen language comes from: the call store's preference, in practice. */
export interface LanguageSource {
  getState(): { readonly language: Language | null };
  subscribe(listener: (state: { readonly language: Language | null }, previous: { readonly language: Language | null }) => void): () => void;
}

/** Keeps i18next and the document's `lang` on the user's language (or the system's, when they chose none). */
export function followLanguage(instance: i18n, source: LanguageSource, systemLanguages: () => readonly string[]): () => void {
  const apply = (chosen: Language | null) => {
    const language = resolveLanguage(chosen, systemLanguages());
    document.documentElement.lang = language;
    if (instance.language !== language) void instance.changeLanguage(language);
  };
  apply(source.getState().language);
  return source.subscribe((state, previous) => {
    if (state.language !== previous.language) apply(state.language);
  });
}
