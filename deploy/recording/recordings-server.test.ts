import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RecordingListSchema, type RecordingManifest } from '../../shared/recording/recording-manifest.js';
import { parseRange, portOf, startRecordingsServer } from './recordings-server.js';

const MANIFEST: RecordingManifest = {
  format: 'confer-recording',
  version: 1,
  room: 'demo',
  id: '20261202T031737255Z',
  startedAt: '2026-12-02T03:17:37.255Z',
  durationMs: 10_000,
  participants: [{ feedId: 'a', display: 'Ann', file: 'participant-a.webm', offsetMs: 0, durationMs: 10_000, hasAudio: true, hasVideo: true }],
  grid: null,
  data: null,
  processingMs: 1234,
};

describe('the recordings server', () => {
  let directory = '';
  let server: Server;
  let base = '';
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'rec-server-test-'));
    const folder = path.join(directory, 'demo', MANIFEST.id);
    await mkdir(path.join(folder, 'raw'), { recursive: true });
    await writeFile(path.join(folder, 'recording.json'), JSON.stringify(MANIFEST));
    await writeFile(path.join(folder, 'participant-a.webm'), '0123456789');
    await writeFile(path.join(folder, 'raw', 'secret.mjr'), 'raw');
    await writeFile(path.join(folder, 'other.webm'), 'not in the manifest');
    server = await startRecordingsServer(0, directory, () => ({ processing: new Set(['20261202T040000000Z']), failed: new Map() }));
    base = `http://127.0.0.1:${portOf(server)}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(directory, { recursive: true, force: true });
  });

  test('lists a room\'s recordings and those still being processed, in the list schema', async () => {
    const list = RecordingListSchema.parse(await (await fetch(`${base}/recordings/demo`)).json());
    expect(list.recordings.map((each) => each.id)).toEqual([MANIFEST.id]);
    expect(list.processing).toEqual(['20261202T040000000Z']);
  });

  test('serves a file the manifest names, with byte ranges for seeking', async () => {
    const whole = await fetch(`${base}/recordings/demo/${MANIFEST.id}/participant-a.webm`);
    expect(whole.headers.get('content-type')).toBe('video/webm');
    expect(await whole.text()).toBe('0123456789');
    const part = await fetch(`${base}/recordings/demo/${MANIFEST.id}/participant-a.webm`, { headers: { Range: 'bytes=2-4' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-4/10');
    expect(await part.text()).toBe('234');
  });

  test.each([
    ['a file the manifest does not name', `/recordings/demo/20261202T031737255Z/other.webm`],
    ['a raw recording', `/recordings/demo/20261202T031737255Z/raw`],
    ['an encoded path', `/recordings/demo/20261202T031737255Z/..%2Frecording.json`],
    ['a room name that is not one', `/recordings/..%2F..%2Fetc`],
    ['an unknown recording', `/recordings/demo/20261202T000000000Z/recording.json`],
    ['another path', `/turn-credentials`],
  ])('refuses %s', async (_label, url) => {
    expect((await fetch(`${base}${url}`)).status).toBe(404);
  });

  test.each([
    [undefined, 10, null],
    ['bytes=0-', 10, { start: 0, end: 9 }],
    ['bytes=-3', 10, { start: 7, end: 9 }],
    ['bytes=5-100', 10, { start: 5, end: 9 }],
    ['bytes=10-', 10, 'unsatisfiable'],
    ['bytes=4-2', 10, 'unsatisfiable'],
    ['bytes=0-1,4-5', 10, 'unsatisfiable'],
  ])('reads the range %s of %i bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
