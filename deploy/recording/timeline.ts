import type { MjrHeader } from './mjr.js';

/** One recorded stream: which feed, what kind, its file, its header, and where its playable part begins. */
export interface RecordedStream {
  readonly feedId: string;
  readonly kind: 'audio' | 'video' | 'data';
  readonly file: string;
  readonly header: MjrHeader;
  /** Stray packets at the start that extraction skips (`playableStart`). */
  readonly skipPackets: number;
  /** Where the first packet kept belongs in wall-clock time, µs since 1970 (`playableStart`). */
  readonly startUs: number;
}

export interface AlignedTrack {
  readonly file: string;
  /** From the participant's own start. */
  readonly offsetMs: number;
  readonly skipPackets: number;
}

/** A participant's media, placed on the recording's timeline by the first-frame times Janus wrote. */
export interface AlignedParticipant {
  readonly feedId: string;
  /** From the start of the recording to this participant's first frame. */
  readonly offsetMs: number;
  readonly audio: AlignedTrack | null;
  readonly video: AlignedTrack | null;
}

export interface RecordingTimeline {
  /** The earliest first frame of any stream, µs since 1970: time zero of every file. */
  readonly startUs: number;
  readonly participants: readonly AlignedParticipant[];
  readonly dataFiles: ReadonlyArray<{ readonly feedId: string; readonly file: string }>;
}

const toMs = (us: number): number => Math.round(us / 1000);

/**
 * Puts every participant where they were in time: `startUs` is where
 * each stream's first packet kept belongs in wall-clock time, so the earliest of them is
 * the recording's start, each participant begins at its earliest stream,
 * and its other stream (audio or video) at its own difference from that.
 * A feed that recorded several files of one kind (it rejoined) keeps the
 * first; the rest are not part of one continuous file.
 */
export function alignStreams(streams: readonly RecordedStream[]): RecordingTimeline | null {
  if (streams.length === 0) return null;
  const startUs = Math.min(...streams.map((stream) => stream.startUs));
  const byFeed = new Map<string, { audio?: RecordedStream; video?: RecordedStream }>();
  const dataFiles: Array<{ feedId: string; file: string }> = [];
  for (const stream of [...streams].sort((a, b) => a.startUs - b.startUs)) {
    if (stream.kind === 'data') {
      dataFiles.push({ feedId: stream.feedId, file: stream.file });
      continue;
    }
    const media = byFeed.get(stream.feedId) ?? {};
    if (!media[stream.kind]) media[stream.kind] = stream;
    byFeed.set(stream.feedId, media);
  }
  const participants = [...byFeed].map(([feedId, media]): AlignedParticipant => {
    const ownStartUs = Math.min(...[media.audio, media.video].filter((stream) => stream !== undefined).map((stream) => stream.startUs));
    const track = (stream: RecordedStream | undefined): AlignedTrack | null => (stream ? { file: stream.file, offsetMs: toMs(stream.startUs - ownStartUs), skipPackets: stream.skipPackets } : null);
    return { feedId, offsetMs: toMs(ownStartUs - startUs), audio: track(media.audio), video: track(media.video) };
  });
  participants.sort((a, b) => a.offsetMs - b.offsetMs || a.feedId.localeCompare(b.feedId));
  return { startUs, participants, dataFiles };
}

/** The recording's id: its start in UTC, `YYYYMMDDTHHMMSSmmmZ`. */
export function recordingIdOf(startUs: number): string {
  return new Date(Math.floor(startUs / 1000)).toISOString().replace(/[-:.]/g, '');
}

/** Columns and rows of a grid for `count` cells: as square as possible, wider than tall. */
export function gridShape(count: number): { readonly columns: number; readonly rows: number } {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  return { columns, rows: Math.max(1, Math.ceil(count / columns)) };
}
