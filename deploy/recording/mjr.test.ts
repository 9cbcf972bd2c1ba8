import { describe, expect, test } from 'vitest';
import { parseMjrFileName, readMjrDataFrames, readMjrHeader, readMjrRtpTimings, rtpClockRate } from './mjr.js';
import { dataRecording, mediaRecording, VP8_DELTA_FRAME_START, VP8_KEY_FRAME_START } from './test-recordings.js';

const HEADER = { t: 'd', c: 'text', s: 1796181457255609, u: 1796181459453010 };

describe('Janus recordings (.mjr)', () => {
  test('reads the header and each data frame with its arrival time', () => {
    const bytes = dataRecording(HEADER, [
      { atUs: 1796181459453010, payload: [1, 2, 3] },
      { atUs: 1796181459480000, payload: [0x7b, 0x7d] },
    ]);
    expect(readMjrHeader(bytes)).toMatchObject({ t: 'd', s: HEADER.s, u: HEADER.u });
    expect(readMjrDataFrames(bytes).map((frame) => ({ atUs: frame.atUs, payload: [...frame.payload] }))).toEqual([
      { atUs: 1796181459453010, payload: [1, 2, 3] },
      { atUs: 1796181459480000, payload: [0x7b, 0x7d] },
    ]);
  });

  test('a truncated last frame is dropped, the frames before it kept', () => {
    const bytes = dataRecording(HEADER, [
      { atUs: 1796181459453010, payload: [1, 2, 3] },
      { atUs: 1796181459480000, payload: [4, 5, 6, 7] },
    ], 2);
    expect(readMjrDataFrames(bytes)).toHaveLength(1);
  });

  test('reads each RTP packet\'s write time, timestamp and whether it starts a key frame, up to the limit', () => {
    const bytes = mediaRecording({ t: 'v', c: 'vp8', s: HEADER.s, u: HEADER.u }, [
      { atMs: 0, rtpTimestamp: 4_294_967_000, payload: VP8_KEY_FRAME_START },
      { atMs: 33, rtpTimestamp: 2_000, payload: VP8_DELTA_FRAME_START },
      { atMs: 66, rtpTimestamp: 5_000 },
    ]);
    expect(readMjrRtpTimings(bytes, 2)).toEqual([
      { atMs: 0, rtpTimestamp: 4_294_967_000, startsKeyFrame: true },
      { atMs: 33, rtpTimestamp: 2_000, startsKeyFrame: false },
    ]);
    expect(readMjrRtpTimings(bytes.subarray(0, bytes.length - 1), 10)).toHaveLength(2);
  });

  test.each([
    [{ t: 'v', c: 'vp8' }, 90_000],
    [{ t: 'a', c: 'opus' }, 48_000],
    [{ t: 'a', c: 'pcmu' }, 8_000],
  ] as const)('the RTP clock of %o is %i Hz', (header, rate) => {
    expect(rtpClockRate({ ...header, s: 1, u: 1 })).toBe(rate);
  });

  test('a file Janus never wrote a frame to (only the magic) has no header and no frames', () => {
    const empty = new Uint8Array(Buffer.from('MJR00002'));
    expect(readMjrHeader(empty)).toBeNull();
    expect(readMjrDataFrames(empty)).toEqual([]);
    expect(readMjrHeader(new Uint8Array(Buffer.from('not a recording at all')))).toBeNull();
  });

  test('a header that is not what Janus writes is refused', () => {
    expect(readMjrHeader(dataRecording({ t: 'x', c: 'text', s: 1, u: 1 }, []))).toBeNull();
    expect(readMjrHeader(dataRecording({ t: 'v', c: 'vp8' }, []))).toBeNull();
  });

  test.each([
    ['videoroom-rec-mx5k27g7-2z3e-user-720b471c-71ef-4841-980f-b9903917dc6a-1796181457255498-video-1.mjr', { room: 'rec-mx5k27g7-2z3e', feedId: '720b471c-71ef-4841-980f-b9903917dc6a', kind: 'video', createdUs: 1796181457255498 }],
    ['videoroom-demo-user-720b471c-71ef-4841-980f-b9903917dc6a.screen-1796181457255609-data-2.mjr', { room: 'demo', feedId: '720b471c-71ef-4841-980f-b9903917dc6a.screen', kind: 'data', createdUs: 1796181457255609 }],
  ])('names the room, feed and kind of %s', (name, expected) => {
    expect(parseMjrFileName(name)).toEqual(expected);
  });

  test.each(['videoroom-../../etc-user-a-1796181457255498-video-1.mjr', 'videoroom-demo-user-a-1796181457255498-video-1.opus', 'recording.json', 'videoroom-demo-user-a/b-1796181457255498-audio-0.mjr'])('ignores %s', (name) => {
    expect(parseMjrFileName(name)).toBeNull();
  });
});
