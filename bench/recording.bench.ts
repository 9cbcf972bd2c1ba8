// Post-processing of a recorded call: how long the stack takes, per minute
// of recording, to turn Janus's .mjr files into one WebM per participant
// and the room's grid. A real three-person call is recorded once through
// the app; its raw files are then processed again with the browsers closed.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gridCommand } from '../deploy/recording/commands.js';
import { processRecording } from '../deploy/recording/post-process.js';
import { startManagedProcess } from '../deploy/stack/managed-process.js';
import { joinFromLobby } from '../e2e/harness/call-page.js';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from '../e2e/harness/browser.js';
import { median, type Benchmark } from './harness/bench-result.js';
import { startCallBenchStack } from './harness/call-stack.js';

const PEOPLE = 3;
const RECORDED_SECONDS = 30;
const RUNS = 3;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Records a call of PEOPLE through the app for RECORDED_SECONDS; returns the folder of its raw .mjr files. */
async function recordCall(recordingsDirectory: string, webUrl: string): Promise<{ room: string; rawDirectory: string }> {
  const room = uniqueRoom('bench-rec');
  const people: Participant[] = [];
  try {
    for (let index = 0; index < PEOPLE; index += 1) people.push(await launchParticipant(`P${index}`));
    const [host, ...others] = people as [Participant, ...Participant[]];
    await joinFromLobby(host.page, webUrl, room, 'P0', { secret: 'bench-secret-1' });
    await host.page.waitForFunction(() => document.querySelector('[data-testid="call"]')?.getAttribute('data-phase') === 'in-call');
    for (const other of others) {
      await other.page.goto(joinUrl(webUrl, room, other.name));
      await other.page.waitForFunction(() => document.querySelector('[data-testid="call"]')?.getAttribute('data-phase') === 'in-call');
    }
    await sleep(3000);
    await host.page.getByTestId('toggle-recording').click();
    await host.page.waitForFunction(() => document.querySelector('[data-testid="recording-indicator"]')?.getAttribute('data-recording') === 'true');
    await sleep(RECORDED_SECONDS * 1000);
    await host.page.getByTestId('toggle-recording').click();
    await host.page.waitForFunction(() => document.querySelector('[data-testid="recording-indicator"]')?.getAttribute('data-recording') === 'false');
  } finally {
    await Promise.all(people.map((person) => person.close()));
  }
  // The stack moves the files to <room>/<id>/raw/ once it sees the room stopped; the measured runs wait for its own processing to end.
  const roomDirectory = path.join(recordingsDirectory, room);
  for (let waited = 0; waited < 300_000; waited += 500) {
    const [id] = await readdir(roomDirectory).catch(() => []);
    const processed = id ? await readdir(path.join(roomDirectory, id)).catch(() => []) : [];
    if (id && processed.includes('recording.json')) return { room, rawDirectory: path.join(roomDirectory, id, 'raw') };
    await sleep(500);
  }
  throw new Error('the stack never processed the recording');
}

async function timedGrid(outputDirectory: string, manifest: NonNullable<Awaited<ReturnType<typeof processRecording>>>): Promise<number> {
  const line = gridCommand(
    manifest.participants.map((participant) => ({ ...participant, file: path.join(outputDirectory, participant.file) })),
    manifest.durationMs,
    path.join(outputDirectory, 'grid-again.webm'),
  );
  if (!line) return 0;
  const began = performance.now();
  const tool = startManagedProcess('ffmpeg', line.command, line.args, { logFile: path.join(outputDirectory, 'grid.log') });
  if ((await tool.exited) !== 'exit code 0') throw new Error(`the grid failed: ${tool.recentOutput()}`);
  return performance.now() - began;
}

const benchmark: Benchmark = async () => {
  const bench = await startCallBenchStack();
  const totals: number[] = [];
  const grids: number[] = [];
  let durationMs = 0;
  const work = await mkdtemp(path.join(tmpdir(), 'rec-bench-'));
  try {
    const { room, rawDirectory } = await recordCall(bench.stack.recordingsDirectory, bench.web.url);
    for (let run = 0; run < RUNS; run += 1) {
      const outputDirectory = path.join(work, `run-${run}`);
      await cp(rawDirectory, path.join(outputDirectory, 'raw'), { recursive: true, filter: (source) => !/\.(webm|opus)$/.test(source) });
      const manifest = await processRecording({ room, id: '20000101T000000000Z', rawDirectory: path.join(outputDirectory, 'raw'), outputDirectory, displays: new Map(), logFile: path.join(work, 'tools.log') });
      if (!manifest) throw new Error('nothing was recorded');
      durationMs = manifest.durationMs;
      totals.push(manifest.processingMs);
      grids.push(await timedGrid(outputDirectory, manifest));
    }
  } finally {
    await bench.stop();
    await rm(work, { recursive: true, force: true });
  }
  const perMinute = (ms: number) => (ms / 1000) * (60_000 / durationMs);
  const total = median(totals);
  const grid = median(grids);
  return {
    figures: [
      { name: `post-processing per minute of a ${PEOPLE}-person recording`, value: perMinute(total), unit: 's', better: 'lower' },
      { name: 'of which the grid (VP8 re-encode)', value: perMinute(grid), unit: 's', better: 'lower' },
      { name: 'of which the participant files (janus-pp-rec, copy mux)', value: perMinute(total - grid), unit: 's', better: 'lower' },
    ],
    notes: [
      `one call of ${PEOPLE} Chromium participants (fake 1280x720 camera, microphone) recorded for ${(durationMs / 1000).toFixed(1)} s, processed ${RUNS} times with the browsers closed; medians`,
      `total runs: ${totals.map((value) => (value / 1000).toFixed(1)).join(', ')} s; grid runs: ${grids.map((value) => (value / 1000).toFixed(1)).join(', ')} s`,
    ],
  };
};

export default benchmark;
