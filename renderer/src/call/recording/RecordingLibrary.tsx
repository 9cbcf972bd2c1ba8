import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RoomNameSchema } from '../../../../shared/call/join-request.js';
import type { RecordingList } from '../../../../shared/recording/recording-manifest.js';
import { recordingsOfRoom } from './recordings-api.js';
import { formatDateTime, formatDuration, shownLanguage } from '../../i18n/i18n.js';
import { RecordingPlayer, useRecordingProblemText } from './RecordingPlayer.js';
import './recording.css';

/** While a recording is being processed the list is asked again this often, so it shows as soon as it is ready. */
const PROCESSING_POLL_MS = 2000;
/** The list's column is narrow: a short date, where the player names it in full. */
const LIST_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

function useRecordingList(baseUrl: string, room: string | null): { list: RecordingList | null; problem: unknown } {
  const [state, setState] = useState<{ list: RecordingList | null; problem: unknown }>({ list: null, problem: null });
  const load = useCallback(async () => {
    if (!room) return null;
    try {
      const list = await recordingsOfRoom(baseUrl, room);
      setState({ list, problem: null });
      return list;
    } catch (error) {
      setState({ list: null, problem: error });
      return null;
    }
  }, [baseUrl, room]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let current = true;
    const next = async (): Promise<void> => {
      const list = await load();
      if (current && list && list.processing.length > 0) timer = setTimeout(() => void next(), PROCESSING_POLL_MS);
    };
    void next();
    return () => {
      current = false;
      if (timer) clearTimeout(timer);
    };
  }, [load]);
  return state;
}

/**
 * A room's recordings, from the stack's recordings server: pick one to
 * play it beside its board. Recordings still being processed are listed as
 * such.
 */
export function RecordingLibrary({ baseUrl, initialRoom, onClose }: { readonly baseUrl: string | undefined; readonly initialRoom: string; readonly onClose: () => void }) {
  const [draft, setDraft] = useState(initialRoom);
  const [room, setRoom] = useState<string | null>(RoomNameSchema.safeParse(initialRoom).success ? initialRoom : null);
  const [roomRefused, setRoomRefused] = useState(false);
  const { t, i18n } = useTranslation();
  const language = shownLanguage(i18n);
  const problemText = useRecordingProblemText();
  const [selected, setSelected] = useState<string | null>(null);
  const { list, problem } = useRecordingList(baseUrl ?? '', baseUrl ? room : null);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = RoomNameSchema.safeParse(draft);
    setRoomRefused(!parsed.success);
    if (parsed.success) setRoom(parsed.data);
  };
  const chosen = list?.recordings.find((each) => each.id === selected) ?? null;
  return (
    <main className="recording-library" data-testid="recording-library">
      <div className="recording-library-side">
        <h1>{t('recording.library')}</h1>
        <form onSubmit={onSubmit} className="recording-library-form">
          <label>
            {t('recordings.room')}
            <input value={draft} onChange={(event) => setDraft(event.target.value)} data-testid="recording-room" />
          </label>
          <button type="submit">{t('recordings.show')}</button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('recordings.back')}
          </button>
        </form>
        {!baseUrl && <p role="alert">{t('recordings.noServer')}</p>}
        {roomRefused ? <p role="alert">{t('joinField.room')}</p> : problem !== null && <p role="alert">{problemText(problem)}</p>}
        {list && list.processing.length > 0 && <p role="status" data-testid="recording-processing">{t('recordings.processing', { count: list.processing.length })}</p>}
        {list?.failed.map((failure) => (
          <p key={failure.id} role="alert">
            {t('recordings.failed', { id: failure.id })}
          </p>
        ))}
        {list && list.recordings.length === 0 && list.processing.length === 0 && <p>{t('recordings.none', { room: list.room })}</p>}
        <ul className="recording-list">
          {list?.recordings.map((each) => (
            <li key={each.id} data-testid="recording-item" data-recording-id={each.id}>
              <time dateTime={each.startedAt}>{formatDateTime(new Date(each.startedAt), language, LIST_DATE)}</time>
              <span>
                {formatDuration(each.durationMs, language)} · <span className="recording-people">{t('recordings.people', { count: each.participants.length })}</span>
              </span>
              <button type="button" aria-pressed={each.id === selected} onClick={() => setSelected(each.id)} data-testid="recording-play">
                {t('recordings.play')}
              </button>
            </li>
          ))}
        </ul>
      </div>
      {chosen && baseUrl && <RecordingPlayer key={chosen.id} baseUrl={baseUrl} manifest={chosen} />}
    </main>
  );
}
