import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { RoomNameSchema } from '../../../../shared/call/join-request.js';
import type { RecordingList } from '../../../../shared/recording/recording-manifest.js';
import { recordingsOfRoom } from './recordings-api.js';
import { formatDuration, RecordingPlayer } from './RecordingPlayer.js';
import './recording.css';

/** While a recording is being processed the list is asked again this often, so it shows as soon as it is ready. */
const PROCESSING_POLL_MS = 2000;

function useRecordingList(baseUrl: string, room: string | null): { list: RecordingList | null; problem: string | null } {
  const [state, setState] = useState<{ list: RecordingList | null; problem: string | null }>({ list: null, problem: null });
  const load = useCallback(async () => {
    if (!room) return null;
    try {
      const list = await recordingsOfRoom(baseUrl, room);
      setState({ list, problem: null });
      return list;
    } catch (error) {
      setState({ list: null, problem: error instanceof Error ? error.message : String(error) });
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
  const [inputProblem, setInputProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const { list, problem } = useRecordingList(baseUrl ?? '', baseUrl ? room : null);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = RoomNameSchema.safeParse(draft);
    setInputProblem(parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Invalid room name'));
    if (parsed.success) setRoom(parsed.data);
  };
  const chosen = list?.recordings.find((each) => each.id === selected) ?? null;
  return (
    <main className="recording-library" data-testid="recording-library">
      <div className="recording-library-side">
        <h1>Recordings</h1>
        <form onSubmit={onSubmit} className="recording-library-form">
          <label>
            Room
            <input value={draft} onChange={(event) => setDraft(event.target.value)} data-testid="recording-room" />
          </label>
          <button type="submit">Show</button>
          <button type="button" className="secondary" onClick={onClose}>
            Back
          </button>
        </form>
        {!baseUrl && <p role="alert">No recordings server is configured (CONFER_RECORDINGS_URL).</p>}
        {(inputProblem ?? problem) && <p role="alert">{inputProblem ?? problem}</p>}
        {list && list.processing.length > 0 && <p role="status" data-testid="recording-processing">Processing {list.processing.length} recording{list.processing.length > 1 ? 's' : ''}…</p>}
        {list?.failed.map((failure) => (
          <p key={failure.id} role="alert">Recording {failure.id} could not be processed.</p>
        ))}
        {list && list.recordings.length === 0 && list.processing.length === 0 && <p>No recordings of {list.room} yet.</p>}
        <ul className="recording-list">
          {list?.recordings.map((each) => (
            <li key={each.id} data-testid="recording-item" data-recording-id={each.id}>
              <time dateTime={each.startedAt}>{new Date(each.startedAt).toLocaleString()}</time>
              <span>
                {formatDuration(each.durationMs)} · {each.participants.length} {each.participants.length === 1 ? 'person' : 'people'}
              </span>
              <button type="button" aria-pressed={each.id === selected} onClick={() => setSelected(each.id)} data-testid="recording-play">
                Play
              </button>
            </li>
          ))}
        </ul>
      </div>
      {chosen && baseUrl && <RecordingPlayer key={chosen.id} baseUrl={baseUrl} manifest={chosen} />}
    </main>
  );
}
