import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingManifest } from '../../../../shared/recording/recording-manifest.js';
import { download } from '../../board/board-export.js';
import { boardFrame, boardUpdatesOf, BoardReplay, replayedBoardJson, replayedItems, type TimedUpdate } from './board-replay.js';
import { formatClock, formatDateTime, shownLanguage } from '../../i18n/i18n.js';
import { recordedData, recordingFileUrl, RecordingsServerError } from './recordings-api.js';
import { ReplayBoard } from './ReplayBoard.js';

/** What the recordings server's failures say, in the language shown; any other error keeps its own text. */
export function useRecordingProblemText(): (problem: unknown) => string {
  const { t } = useTranslation();
  return (problem) =>
    problem instanceof RecordingsServerError ? t(`recordings.server.${problem.reason}`, { status: problem.status }) : problem instanceof Error ? problem.message : String(problem);
}

/** The board's edits of one recording, loaded once. */
function useBoardUpdates(baseUrl: string, manifest: RecordingManifest): { updates: readonly TimedUpdate[]; problem: unknown } {
  const [state, setState] = useState<{ updates: readonly TimedUpdate[]; problem: unknown }>({ updates: [], problem: null });
  useEffect(() => {
    let current = true;
    recordedData(baseUrl, manifest)
      .then((data) => current && setState({ updates: boardUpdatesOf(data.messages, manifest.room), problem: null }))
      .catch((error: unknown) => current && setState({ updates: [], problem: error }));
    return () => {
      current = false;
    };
  }, [baseUrl, manifest]);
  return state;
}

/** The slider over the recording's timeline, with a tick at each edit of the board. */
function BoardTimeline({ timeMs, durationMs, editTimes, id, onSeek }: { readonly timeMs: number; readonly durationMs: number; readonly editTimes: readonly number[]; readonly id: string; readonly onSeek: (ms: number) => void }) {
  const { t, i18n } = useTranslation();
  const language = shownLanguage(i18n);
  return (
    <>
      <label className="recording-timeline">
        <span>
          {t('recordings.timeline')} <output data-testid="recording-time">{formatClock(timeMs, language)}</output> / {formatClock(durationMs, language)}
        </span>
        <input
          type="range"
          min={0}
          max={durationMs}
          step={100}
          value={Math.min(timeMs, durationMs)}
          onChange={(event) => onSeek(Number(event.target.value))}
          list={`board-edits-${id}`}
          data-testid="recording-slider"
        />
      </label>
      <datalist id={`board-edits-${id}`}>
        {editTimes.map((time, index) => (
          <option key={index} value={time} />
        ))}
      </datalist>
    </>
  );
}

/**
 * One recording: the room's grid (or one participant) in a video player,
 * and beside it the board as it was at the video's moment. The slider runs
 * over the recording's timeline and moves both; playing the video moves it.
 */
export function RecordingPlayer({ baseUrl, manifest }: { readonly baseUrl: string; readonly manifest: RecordingManifest }) {
  const video = useRef<HTMLVideoElement>(null);
  const { t, i18n } = useTranslation();
  const language = shownLanguage(i18n);
  const problemText = useRecordingProblemText();
  const wholeRoom = t('recordings.wholeRoom');
  const sources = useMemo(
    () => [
      ...(manifest.grid ? [{ label: wholeRoom, file: manifest.grid.file, offsetMs: 0 }] : []),
      ...manifest.participants.map((participant) => ({ label: participant.display ?? participant.feedId.slice(0, 8), file: participant.file, offsetMs: participant.offsetMs })),
    ],
    [manifest, wholeRoom],
  );
  const [sourceIndex, setSourceIndex] = useState(0);
  const source = sources[sourceIndex] ?? sources[0];
  const { updates, problem } = useBoardUpdates(baseUrl, manifest);
  const replay = useMemo(() => new BoardReplay(updates), [updates]);
  const frame = useMemo(() => boardFrame(updates), [updates]);
  const [timeMs, setTimeMs] = useState(0);
  const [items, setItems] = useState(() => replayedItems(replay.doc));
  useEffect(() => {
    replay.seek(timeMs);
    setItems(replayedItems(replay.doc));
  }, [replay, timeMs]);

  // A participant's file starts at their own first frame: the recording's time is the video's plus that offset.
  const offsetMs = source?.offsetMs ?? 0;
  const seek = (ms: number): void => {
    setTimeMs(ms);
    if (video.current) video.current.currentTime = Math.max(0, (ms - offsetMs) / 1000);
  };
  return (
    <section className="recording-player" aria-label={t('recordings.playerLabel', { date: formatDateTime(new Date(manifest.startedAt), language) })} data-testid="recording-player" data-recording-id={manifest.id}>
      <div className="recording-player-media">
        <label>
          {t('recordings.source')}
          <select value={sourceIndex} onChange={(event) => setSourceIndex(Number(event.target.value))} data-testid="recording-source">
            {sources.map((each, index) => (
              <option key={each.file} value={index}>
                {each.label}
              </option>
            ))}
          </select>
        </label>
        {source && (
          <video
            ref={video}
            key={source.file}
            src={recordingFileUrl(baseUrl, manifest, source.file)}
            controls
            preload="metadata"
            data-testid="recording-video"
            onTimeUpdate={(event) => setTimeMs(Math.round(event.currentTarget.currentTime * 1000) + offsetMs)}
            onSeeked={(event) => setTimeMs(Math.round(event.currentTarget.currentTime * 1000) + offsetMs)}
          />
        )}
      </div>
      <div className="recording-player-board">
        <ReplayBoard items={items} frame={frame} label={t('recordings.boardAt', { time: formatClock(timeMs, language), count: items.length })} />
        {problem !== null && <p role="alert">{problemText(problem)}</p>}
        <BoardTimeline timeMs={timeMs} durationMs={manifest.durationMs} editTimes={replay.times} id={manifest.id} onSeek={seek} />
        <button type="button" className="secondary" onClick={() => download(`${manifest.room}-${manifest.id}-board.json`, replayedBoardJson(replay.doc), 'application/json')} data-testid="recording-board-export">
          {t('recordings.exportBoard')}
        </button>
      </div>
    </section>
  );
}
