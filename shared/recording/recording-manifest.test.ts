import { describe, expect, test } from 'vitest';
import { RecordedDataSchema, RecordingManifestSchema, type RecordingManifest } from './recording-manifest.js';

const VALID: RecordingManifest = {
  format: 'confer-recording',
  version: 1,
  room: 'standup',
  id: '20261202T031737255Z',
  startedAt: '2026-12-02T03:17:37.255Z',
  durationMs: 9942,
  participants: [{ feedId: '720b471c-71ef-4841-980f-b9903917dc6a', display: 'Ann', file: 'participant-720b471c-71ef-4841-980f-b9903917dc6a.webm', offsetMs: 0, durationMs: 9855, hasAudio: true, hasVideo: true }],
  grid: { file: 'grid.webm', width: 1280, height: 720 },
  data: 'data.json',
  processingMs: 5000,
};

describe('recording manifests', () => {
  test('accepts what the stack writes', () => {
    expect(RecordingManifestSchema.parse(VALID)).toEqual(VALID);
  });

  test.each([
    ['a file name that is a path', { ...VALID, grid: { file: '../../etc/passwd', width: 1, height: 1 } }],
    ['a hidden file', { ...VALID, data: '.data.json' }],
    ['an id that is not a time', { ...VALID, id: '../other' }],
    ['a room name that is not one', { ...VALID, room: 'a/b' }],
    ['a negative offset', { ...VALID, participants: [{ ...VALID.participants[0], offsetMs: -1 }] }],
    ['an unknown field', { ...VALID, extra: true }],
    ['another format', { ...VALID, format: 'something-else' }],
  ])('refuses %s', (_label, manifest) => {
    expect(RecordingManifestSchema.safeParse(manifest).success).toBe(false);
  });

  test('recorded messages carry base64 bytes and a time; anything else is refused', () => {
    const data = { format: 'confer-recorded-data', version: 1, messages: [{ atMs: 10, feedId: 'a', base64: 'AQID' }] };
    expect(RecordedDataSchema.safeParse(data).success).toBe(true);
    expect(RecordedDataSchema.safeParse({ ...data, messages: [{ atMs: 10, feedId: 'a', base64: 'not base64!' }] }).success).toBe(false);
  });
});
