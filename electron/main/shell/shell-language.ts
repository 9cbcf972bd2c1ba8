import type { Language } from '../../../shared/desktop/call-preferences.js';
import { resolveLanguage } from '../../../shared/desktop/language.js';
import { SHELL_MESSAGES, type ShellMessages } from '../../../shared/desktop/shell-messages.js';

export interface ShellLanguageSources {
  /** The language chosen on the settings screen (validated when read from `settings.json`), or null to follow the system. */
  readonly chosen: () => Language | null;
  /** The system's languages, most preferred first (`app.getPreferredSystemLanguages()`, then `app.getLocale()`). */
  readonly system: () => readonly string[];
}

/**
 * The shell's words in the language the call window shows: asked at each
 * use, so the tray, notifications and dialogs follow a change made on the
 * settings screen.
 */
export function shellWords(sources: ShellLanguageSources): () => ShellMessages {
  return () => SHELL_MESSAGES[resolveLanguage(sources.chosen(), sources.system())];
}
