import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { RecordingStore } from './recording-state.js';
import './recording.css';

/**
 * Asked before joining a room that records, before any media is sent: the
 * join goes on only with a yes. Focus starts on "Not now", so an Enter
 * pressed by habit does not publish.
 */
export function RecordingConsent({ store, onJoin }: { readonly store: RecordingStore; readonly onJoin: () => void }) {
  const consent = useStore(store, (state) => state.consent);
  const decline = useRef<HTMLButtonElement>(null);
  const { t } = useTranslation();
  useEffect(() => decline.current?.focus(), [consent]);
  if (!consent) return null;
  return (
    <div className="recording-consent-backdrop">
      <div className="recording-consent" role="alertdialog" aria-modal="true" aria-labelledby="recording-consent-title" aria-describedby="recording-consent-text" data-testid="recording-consent">
        <h2 id="recording-consent-title">{t('recording.consentTitle')}</h2>
        <p id="recording-consent-text">{t('recording.consentText', { room: consent.request.room })}</p>
        <div className="recording-consent-actions">
          <button type="button" className="secondary" ref={decline} onClick={() => store.setState({ consent: null })}>
            {t('recording.consentDecline')}
          </button>
          <button type="button" onClick={onJoin} data-testid="recording-consent-join">
            {t('recording.consentJoin')}
          </button>
        </div>
      </div>
    </div>
  );
}
