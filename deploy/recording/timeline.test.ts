import { describe, expect, test } from 'vitest';
import { alignStreams, gridShape, recordingIdOf, type RecordedStream } from './timeline.js';

const stream = (feedId: string, kind: RecordedStream['kind'], firstFrameUs: number, file = `${feedId}-${kind}-${firstFrameUs}`): RecordedStream => ({
  feedId,
  kind,
  file,
  header: { t: kind === 'audio' ? 'a' : kind === 'video' ? 'v' : 'd', c: 'x', s: firstFrameUs - 500, u: firstFrameUs },
  skipPackets: 0,
  startUs: firstFrameUs,
});

const T0 = 1_796_181_457_000_000;

describe('placing recorded streams on one timeline', () => {
  test('the earliest first frame is time zero; each participant starts at its own earliest stream', () => {
    const timeline = alignStreams([
      stream('late', 'video', T0 + 4_700_000),
      stream('late', 'audio', T0 + 4_650_000),
      stream('first', 'audio', T0),
      stream('first', 'video', T0 + 32_000),
      stream('first', 'data', T0 + 2_000_000),
    ]);
    expect(timeline?.startUs).toBe(T0);
    expect(timeline?.participants).toEqual([
      { feedId: 'first', offsetMs: 0, audio: { file: `first-audio-${T0}`, offsetMs: 0, skipPackets: 0 }, video: { file: `first-video-${T0 + 32_000}`, offsetMs: 32, skipPackets: 0 } },
      { feedId: 'late', offsetMs: 4650, audio: { file: `late-audio-${T0 + 4_650_000}`, offsetMs: 0, skipPackets: 0 }, video: { file: `late-video-${T0 + 4_700_000}`, offsetMs: 50, skipPackets: 0 } },
    ]);
    expect(timeline?.dataFiles).toEqual([{ feedId: 'first', file: `first-data-${T0 + 2_000_000}` }]);
  });

  test('a participant with its camera off has audio only', () => {
    expect(alignStreams([stream('voice', 'audio', T0)])?.participants[0]).toMatchObject({ audio: { offsetMs: 0 }, video: null });
  });

  test('a video whose stray first packets are skipped starts at its first packet kept, not at its first frame', () => {
    const video = { ...stream('late', 'video', T0 + 4_700_000), skipPackets: 3, startUs: T0 + 5_175_000 };
    const timeline = alignStreams([stream('first', 'audio', T0), stream('late', 'audio', T0 + 4_650_000), video]);
    expect(timeline?.participants[1]).toMatchObject({ offsetMs: 4650, video: { offsetMs: 525, skipPackets: 3 } });
  });

  test('a feed that recorded twice (it rejoined) keeps its first file of each kind', () => {
    const timeline = alignStreams([stream('a', 'video', T0 + 5_000_000, 'second'), stream('a', 'video', T0, 'first')]);
    expect(timeline?.participants[0]?.video?.file).toBe('first');
  });

  test('nothing recorded gives no timeline', () => {
    expect(alignStreams([])).toBeNull();
  });

  test('recording ids are the start in UTC, sortable and safe in a path', () => {
    expect(recordingIdOf(1796181457255498)).toBe('20261202T031737255Z');
  });

  test.each([
    [1, 1, 1],
    [2, 2, 1],
    [3, 2, 2],
    [4, 2, 2],
    [5, 3, 2],
    [9, 3, 3],
    [10, 4, 3],
  ])('%i cells make a grid of %i columns and %i rows', (count, columns, rows) => {
    expect(gridShape(count)).toEqual({ columns, rows });
  });
});
