import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { RecordedDataSchema, RecordingManifestSchema } from '../../shared/recording/recording-manifest.js';
import type { JanusRooms } from './janus-rooms.js';
import { RecordingWatcher } from './recording-watcher.js';
import { dataRecording } from './test-recordings.js';

const FEED = '720b471c-71ef-4841-980f-b9903917dc6a';
const FIRST_US = 1796181459453010;
const FILE = `videoroom-standup-user-${FEED}-1796181457255609-data-2.mjr`;

/** A Janus that says what the test says about its rooms. */
function fakeJanus(state: { recording: boolean }): JanusRooms {
  return {
    recordingStates: async () => [{ room: 'standup', recording: state.recording }],
    displays: async () => new Map([[FEED, 'Ann']]),
    close: () => undefined,
  };
}

describe('watching Janus for recordings that stopped', () => {
  let directory = '';
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  test('files of a room that still records stay; once it stops they are moved and processed, with the names seen meanwhile', async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'rec-watcher-test-'));
    await writeFile(path.join(directory, FILE), dataRecording({ t: 'd', c: 'text', s: FIRST_US - 1000, u: FIRST_US }, [{ atUs: FIRST_US, payload: [1, 2, 3] }, { atUs: FIRST_US + 250_000, payload: [4] }]));
    await writeFile(path.join(directory, 'notes.txt'), 'not a recording');
    const janus = { recording: true };
    const watcher = new RecordingWatcher({ recordingsDirectory: directory, connect: async () => fakeJanus(janus), logFile: path.join(directory, 'tools.log') });

    await watcher.tick();
    await watcher.stop();
    expect((await readdir(directory)).sort()).toEqual(['notes.txt', FILE]);

    janus.recording = false;
    await watcher.tick();
    await watcher.stop();
    const id = '20261202T031737255Z';
    expect(await readdir(path.join(directory, 'standup', id, 'raw'))).toEqual([FILE]);
    const manifest = RecordingManifestSchema.parse(JSON.parse(await readFile(path.join(directory, 'standup', id, 'recording.json'), 'utf8')));
    expect(manifest).toMatchObject({ room: 'standup', id, participants: [], grid: null, data: 'data.json' });
    const data = RecordedDataSchema.parse(JSON.parse(await readFile(path.join(directory, 'standup', id, 'data.json'), 'utf8')));
    expect(data.messages).toEqual([
      { atMs: 0, feedId: FEED, base64: 'AQID' },
      { atMs: 250, feedId: FEED, base64: 'BA==' },
    ]);
    expect(watcher.status('standup').processing.size).toBe(0);
  });

  test('files that appear while Janus is asked belong to a recording that may have just started: they wait for the next look', async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'rec-watcher-test-'));
    const watcher = new RecordingWatcher({
      recordingsDirectory: directory,
      // Janus answers "not recording" just before the host starts it; its first file lands before the look reads the folder.
      connect: async () => ({
        ...fakeJanus({ recording: false }),
        recordingStates: async () => {
          await writeFile(path.join(directory, FILE), dataRecording({ t: 'd', c: 'text', s: 1, u: FIRST_US }, []));
          return [{ room: 'standup', recording: false }];
        },
      }),
      logFile: path.join(directory, 'tools.log'),
    });
    await watcher.tick();
    await watcher.stop();
    expect(await readdir(directory)).toEqual([FILE]);
  });

  test('a Janus that cannot be reached is asked again on the next look, and nothing moves meanwhile', async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'rec-watcher-test-'));
    await writeFile(path.join(directory, FILE), dataRecording({ t: 'd', c: 'text', s: 1, u: FIRST_US }, []));
    let attempts = 0;
    const watcher = new RecordingWatcher({
      recordingsDirectory: directory,
      connect: async () => {
        attempts += 1;
        throw new Error('connection refused');
      },
      logFile: path.join(directory, 'tools.log'),
    });
    await watcher.tick();
    await watcher.tick();
    expect(attempts).toBe(2);
    expect(await readdir(directory)).toEqual([FILE]);
  });
});
