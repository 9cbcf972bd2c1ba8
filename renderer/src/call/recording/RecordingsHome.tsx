import { Film } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { JoinRequest } from '../../../../shared/call/join-request.js';
import { IconButton } from '../../ui/icon-button.js';
import type { RoomAccess } from '../call-engine.js';
import type { RecordingStore } from './recording-state.js';
import { RecordingConsent } from './RecordingConsent.js';
import { RecordingLibrary } from './RecordingLibrary.js';

interface RecordingsMeeting {
  readonly recording: { readonly store: RecordingStore };
  readonly recordingsUrl: string | undefined;
  join(request: JoinRequest, access?: RoomAccess, recordingAccepted?: boolean): Promise<void>;
}

/**
 * The screen outside a call: its header (with the way to the recordings),
 * then either what it shows (lobby and boards) or the recordings library.
 * The question asked before joining a room that records sits over both.
 */
export function RecordingsHome({ meeting, headerExtras, children }: { readonly meeting: RecordingsMeeting; readonly headerExtras: ReactNode; readonly children: ReactNode }) {
  const store = meeting.recording.store;
  const libraryRoom = useStore(store, (state) => state.libraryRoom);
  const { t } = useTranslation();
  const accept = (): void => {
    const consent = store.getState().consent;
    if (consent) void meeting.join(consent.request, consent.access, true);
  };
  return (
    <div className="home">
      <header className="home-header">
        <span className="home-brand">Confer</span>
        <span className="home-header-actions">
          <IconButton
            label={t('recording.library')}
            icon={Film}
            text={t('recording.library')}
            aria-pressed={libraryRoom !== null}
            onClick={() => store.setState({ libraryRoom: libraryRoom === null ? '' : null })}
            testId="open-recordings"
          />
          {headerExtras}
        </span>
      </header>
      {libraryRoom === null ? children : <RecordingLibrary baseUrl={meeting.recordingsUrl} initialRoom={libraryRoom} onClose={() => store.setState({ libraryRoom: null })} />}
      <RecordingConsent store={store} onJoin={accept} />
    </div>
  );
}
