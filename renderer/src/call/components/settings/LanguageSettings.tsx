import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { LANGUAGES, type Language } from '../../../../../shared/desktop/call-preferences.js';
import { formatDateTime, formatNumber, resolveLanguage } from '../../../i18n/i18n.js';
import type { CallStore } from '../../call-store.js';

/** The interface's language: the system's by default, or one the user picks; dates and numbers follow it. */
export function LanguageSettings({ store }: { readonly store: CallStore }) {
  const { t } = useTranslation();
  const chosen = useStore(store, (state) => state.language);
  const system = resolveLanguage(null, navigator.languages);
  const shown = chosen ?? system;
  return (
    <>
      <label>
        {t('settings.languageLabel')}
        <select value={chosen ?? ''} data-testid="language" onChange={(event) => store.setState({ language: (LANGUAGES as readonly string[]).includes(event.target.value) ? (event.target.value as Language) : null })}>
          <option value="">{t('settings.languageSystem', { language: t(`languages.${system}`) })}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="settings-hint" data-testid="format-sample">
        {t('settings.formatSample', { date: formatDateTime(new Date(), shown), number: formatNumber(1234.5, shown) })}
      </p>
    </>
  );
}
