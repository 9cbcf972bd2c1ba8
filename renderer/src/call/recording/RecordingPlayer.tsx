import { useEffect, useMemo, useRef, useState } from 'react';
import type { RecordingManifest } from '../../../../shared/recording/recording-manifest.js';
import { download } from '../../board/board-export.js';
import { boardFrame, boardUpdatesOf, BoardReplay, replayedBoardJson, replayedItems, type TimedUpdate } from './board-replay.js';
import { recordedData, recordingFileUrl } from './recordings-api.js';
import { ReplayBoard } from './ReplayBoard.js';

export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The board's edits of one recording, loaded once. */
function useBoardUpdates(baseUrl: string, manifest: RecordingManifest): { updates: readonly TimedUpdate[]; problem: string | null } {
  const [state, setState] = useState<{ updates: readonly TimedUpdate[]; problem: string | null }>({ updates: [], problem: null });
  useEffect(() => {
    let current = true;
    recordedData(baseUrl, manifest)
      .then((data) => current && setState({ updates: boardUpdatesOf(data.messages, manifest.room), problem: null }))
      .catch((error: unknown) => current && setState({ updates: [], problem: error instanceof Error ? error.message : String(error) }));
    return () => {
      current = false;
    };
  }, [baseUrl, manifest]);
  return state;
}

/** The slider over the recording's timeline, with a tick at each edit of the board. */
function BoardTimeline({ timeMs, durationMs, editTimes, id, onSeek }: { readonly timeMs: number; readonly durationMs: number; readonly editTimes: readonly number[]; readonly id: string; readonly onSeek: (ms: number) => void }) {
  return (
    <>
      <label className="recording-timeline">
        <span>
          Board timeline <output data-testid="recording-time">{formatDuration(timeMs)}</output> / {formatDuration(durationMs)}
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
  const sources = useMemo(
    () => [
      ...(manifest.grid ? [{ label: 'Whole room', file: manifest.grid.file, offsetMs: 0 }] : []),
      ...manifest.participants.map((participant) => ({ label: participant.display ?? participant.feedId.slice(0, 8), file: participant.file, offsetMs: participant.offsetMs })),
    ],
    [manifest],
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
    <section className="recording-player" aria-label={`Recording of ${manifest.startedAt}`} data-testid="recording-player" data-recording-id={manifest.id}>
      <div className="recording-player-media">
        <label>
          Show
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
        <ReplayBoard items={items} frame={frame} label={`The whiteboard at ${formatDuration(timeMs)}: ${items.length} items`} />
        {problem && <p role="alert">{problem}</p>}
        <BoardTimeline timeMs={timeMs} durationMs={manifest.durationMs} editTimes={replay.times} id={manifest.id} onSeek={seek} />
        <button type="button" className="secondary" onClick={() => download(`${manifest.room}-${manifest.id}-board.json`, replayedBoardJson(replay.doc), 'application/json')} data-testid="recording-board-export">
          Board at this moment (JSON)
        </button>
      </div>
    </section>
  );
}
