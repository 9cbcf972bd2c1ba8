import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { gridSize } from '../deploy/recording/commands.js';
import { connectJanusRooms } from '../deploy/recording/janus-rooms.js';
import { RecordingListSchema, type RecordingManifest } from '../shared/recording/recording-manifest.js';
import { drag, exportBoard, itemCount } from './harness/board-browser.js';
import { joinUrl, uniqueRoom, type Participant } from './harness/browser.js';
import { useParticipants } from './harness/participants.js';
import { callPhase, describeCallPage, joinFromLobby, showBoardOnStage } from './harness/call-page.js';
import { readMediaFile } from './harness/media-files.js';
import { hiddenControls } from './harness/layout-checks.js';
import { useTestStack } from './harness/test-stack.js';
import { PROJECT_ROOT } from '../scripts/launch-environment.js';

/**
 * Recording a call on the real stack: Janus's recorder, the stack's
 * post-processing with janus-pp-rec and ffmpeg, and the app's player with
 * the board replayed beside the video. Three browsers for the whole file.
 */
const testStack = useTestStack('recording');
const SECRET = 'recording-secret-1';
const RECORDED_MS = 10_000;
/** The web build keeps the settings screen's choices here (renderer/src/bridge/web-preferences.ts). */
const WEB_PREFERENCES_KEY = 'confer:call-preferences';

const indicator = (page: Page) => page.getByTestId('recording-indicator');
const recordingShown = (page: Page) => indicator(page).getAttribute('data-recording');

async function roomRecords(room: string): Promise<boolean> {
  const janus = await connectJanusRooms(testStack().stack.janusAdminUrl, testStack().stack.janusAdminSecret);
  try {
    return (await janus.recordingStates()).some((state) => state.room === room && state.recording);
  } finally {
    janus.close();
  }
}

async function recordingsOf(room: string) {
  const response = await fetch(`${testStack().stack.runtimeConfig.recordingsUrl ?? ''}/recordings/${room}`);
  return RecordingListSchema.parse(await response.json());
}

/** The size of what a participant's camera captures, as its own tile plays it. */
function cameraSize(page: Page): Promise<{ width: number; height: number }> {
  return page.getByTestId('tile-self').locator('video').evaluate((video: HTMLVideoElement) => ({ width: video.videoWidth, height: video.videoHeight }));
}

describe('recording a call', () => {
  const room = uniqueRoom('recorded');
  const people = useParticipants(['Host', 'Ann', 'Ben']);
  let manifest: RecordingManifest | null = null;
  let finalBoard = '';
  /** From Janus's yes to the start to its yes to the stop, as the moderator saw them: at least RECORDED_MS, longer when the steps between take longer. */
  let recordedMs = 0;
  /** Just before the late joiner joins, on the recording's timeline: their catch-up, which would bring the earlier board along, comes after. */
  let beforeLateJoinMs = 0;


  test('a guest without the room secret cannot start recording: Janus refuses and the guest is told', async () => {
    const [host, ann] = people as [Participant, Participant, Participant];
    await joinFromLobby(host.page, testStack().webUrl, room, 'Host', { secret: SECRET });
    await expect.poll(() => callPhase(host.page), { timeout: 30_000 }).toBe('in-call');
    await ann.page.goto(joinUrl(testStack().webUrl, room, 'Ann'));
    await expect.poll(() => callPhase(ann.page), { timeout: 30_000 }).toBe('in-call');
    await ann.page.getByTestId('toggle-recording').click();
    await expect.poll(() => ann.page.getByTestId('recording-problem').textContent({ timeout: 1000 }).catch(() => null), { timeout: 20_000 }).toMatch(/Only a moderator can start recording/);
    expect(await roomRecords(room)).toBe(false);
    expect(await recordingShown(host.page)).toBe('false');
  }, 120_000);

  test('while it records everyone sees it, a late joiner is asked before publishing, and a guest cannot stop it', async () => {
    const [host, ann, ben] = people as [Participant, Participant, Participant];
    await showBoardOnStage(ann.page);
    await showBoardOnStage(host.page);
    // A stroke from before the start: Janus does not record it, the snapshot sent at the start does.
    await drag(ann.page, [[500, 300], [560, 360]]);
    await expect.poll(() => itemCount(host.page), { timeout: 20_000 }).toBe(1);
    await host.page.getByTestId('toggle-recording').click();
    await expect.poll(() => indicator(host.page).textContent(), { timeout: 10_000, interval: 50 }).toBe('Recording');
    const started = Date.now();
    await expect.poll(() => indicator(ann.page).textContent(), { timeout: 10_000 }).toBe('Recording');
    expect(await indicator(ann.page).getAttribute('role')).toBe('status');
    await host.page.screenshot({ path: path.join(testStack().stack.runDirectory, 'recording-indicator.png') });
    expect(await roomRecords(room)).toBe(true);

    await drag(ann.page, [[120, 120], [220, 180], [320, 120]]);
    // The late joiner learns it before anything of theirs is sent: Janus has not seen them in the room.
    await ben.page.goto(joinUrl(testStack().webUrl, room, 'Ben'));
    await expect.poll(() => ben.page.getByTestId('recording-consent').textContent({ timeout: 1000 }).catch(() => null), { timeout: 20_000 }).toContain('This call is being recorded');
    await ben.page.screenshot({ path: path.join(testStack().stack.runDirectory, 'recording-consent.png') });
    const janus = await connectJanusRooms(testStack().stack.janusAdminUrl, testStack().stack.janusAdminSecret);
    expect([...(await janus.displays(room)).values()].sort()).toEqual(['Ann', 'Host']);
    janus.close();
    expect(await callPhase(ben.page)).toBeNull();
    beforeLateJoinMs = Date.now() - started;
    await ben.page.getByTestId('recording-consent-join').click();
    await expect.poll(() => callPhase(ben.page), { timeout: 30_000 }).toBe('in-call');
    await expect.poll(() => indicator(ben.page).textContent(), { timeout: 10_000 }).toBe('Recording');

    await ann.page.getByTestId('toggle-recording').click();
    await expect.poll(() => ann.page.getByTestId('recording-problem').textContent({ timeout: 1000 }).catch(() => null), { timeout: 20_000 }).toMatch(/Only a moderator can stop recording/);
    await drag(ann.page, [[120, 260], [220, 320], [320, 260]]);
    await drag(ann.page, [[400, 120], [450, 250]]);
    await expect.poll(() => itemCount(ann.page), { timeout: 20_000 }).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + RECORDED_MS - Date.now())));
    await host.page.getByTestId('toggle-recording').click();
    await expect.poll(() => recordingShown(host.page), { timeout: 10_000, interval: 50 }).toBe('false');
    recordedMs = Date.now() - started;
    for (const person of people) await expect.poll(() => recordingShown(person.page), { timeout: 10_000 }).toBe('false');
    finalBoard = await exportBoard(ann.page);
    try {
      await expect.poll(async () => (await recordingsOf(room)).recordings.length, { timeout: 400_000, interval: 1000 }).toBe(1);
    } catch (error) {
      console.warn(JSON.stringify(await recordingsOf(room)), await describeCallPage(host.page));
      throw error;
    }
    manifest = (await recordingsOf(room)).recordings[0] ?? null;
  }, 600_000);

  test('each participant has a playable file and the room a grid, of the recorded length', async () => {
    const recorded = manifest;
    if (!recorded) throw new Error('no recording to check');
    const folder = path.join(testStack().stack.recordingsDirectory, room, recorded.id);
    const [host] = people as [Participant];
    const camera = await cameraSize(host.page);
    expect(recorded.participants.map((participant) => participant.display).sort()).toEqual(['Ann', 'Ben', 'Host']);
    for (const participant of recorded.participants) {
      const file = readMediaFile(path.join(folder, participant.file));
      expect(file.kinds).toEqual(['audio', 'video']);
      // Everyone was recorded from their first frame to the stop: their file ends where the recording does, give or
      // take the frames a loaded machine's encoder had not yet sent when the stop came (1.2 s seen on 2 busy cores).
      expect(Math.abs(participant.offsetMs + file.durationMs - recorded.durationMs)).toBeLessThan(2500);
      // The camera's own picture, or the smaller one Chromium's encoder adapts its top layer to when the CPU is short.
      expect((file.width ?? 0) / (file.height ?? 1)).toBeCloseTo(camera.width / camera.height, 2);
      expect(file.width).toBeLessThanOrEqual(camera.width);
      expect(file.width).toBeGreaterThanOrEqual(camera.width / 4);
      expect(file.decodedFrames).toBeGreaterThan(0);
      // Those already publishing when it started have a moving picture throughout. A late joiner's top simulcast
      // layer, the one Janus records, starts only as its bandwidth estimate ramps up (README, Recording's limits).
      if (participant.display !== 'Ben') expect(file.decodedFrames).toBeGreaterThan((file.durationMs / 1000) * 5);
    }
    const late = recorded.participants.find((participant) => participant.display === 'Ben');
    expect(late?.offsetMs).toBeGreaterThan(1000);
    expect(recordedMs).toBeGreaterThanOrEqual(RECORDED_MS);
    // Off by more, the manifest says which participant's file runs long or short.
    expect(Math.abs(recorded.durationMs - recordedMs), `recorded ${recordedMs} ms by the clock: ${JSON.stringify(recorded.participants)}`).toBeLessThan(1000);
    const grid = readMediaFile(path.join(folder, recorded.grid?.file ?? 'missing'));
    expect(grid.kinds).toEqual(['audio', 'video']);
    expect({ width: grid.width, height: grid.height }).toEqual(gridSize(3));
    expect(Math.abs(grid.durationMs - recorded.durationMs)).toBeLessThan(1000);
    expect(grid.decodedFrames).toBeGreaterThan((grid.durationMs / 1000) * 10);
  }, 120_000);

  test('the player replays the board beside the video, from the board as it was at the start to the final board', async () => {
    const recorded = manifest;
    if (!recorded) throw new Error('no recording to check');
    const ann = people[1] as Participant;
    const library = new URL(testStack().webUrl);
    library.search = new URLSearchParams({ recordings: room }).toString();
    await ann.page.goto(library.toString());
    await ann.page.getByTestId('recording-play').click();
    const player = ann.page.getByTestId('recording-player');
    await player.waitFor();
    await expect.poll(() => ann.page.getByTestId('recording-video').evaluate((video: HTMLVideoElement) => video.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    // At the start, at most the stroke from before it (the snapshot comes a moment after the start); before the
    // late joiner came, that stroke and the first one drawn while recording; at the end, all four.
    await ann.page.getByTestId('recording-slider').fill('0');
    await expect.poll(async () => Number(await ann.page.getByTestId('replay-board').getAttribute('data-item-count')), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    await ann.page.getByTestId('recording-slider').fill(String(beforeLateJoinMs));
    await expect.poll(() => ann.page.getByTestId('replay-board').getAttribute('data-item-count'), { timeout: 10_000 }).toBe('2');
    await ann.page.getByTestId('recording-slider').fill(String(recorded.durationMs));
    await expect.poll(() => ann.page.getByTestId('replay-board').getAttribute('data-item-count'), { timeout: 10_000 }).toBe('4');
    // The video followed the slider to the same moment.
    expect(await ann.page.getByTestId('recording-video').evaluate((video: HTMLVideoElement) => video.currentTime)).toBeGreaterThan(recorded.durationMs / 1000 - 1);
    const [download] = await Promise.all([ann.page.waitForEvent('download'), ann.page.getByTestId('recording-board-export').click()]);
    const replayed = await readFile((await download.path()) ?? '', 'utf8');
    expect(replayed).toBe(finalBoard);
    await ann.page.screenshot({ path: path.join(testStack().stack.runDirectory, 'recording-player.png') });

    // In each language (German's words are longer), the library and the player keep every control in the window.
    for (const [language, play] of [['en', 'Play'], ['de', 'Abspielen']] as const) {
      await ann.page.evaluate(([key, value]) => localStorage.setItem(key, value), [WEB_PREFERENCES_KEY, JSON.stringify({ language })] as const);
      await ann.page.goto(library.toString());
      await ann.page.getByTestId('recording-play').click();
      await ann.page.getByTestId('recording-player').waitFor();
      await ann.page.getByTestId('recording-slider').fill(String(recorded.durationMs));
      expect(await ann.page.getByTestId('recording-play').textContent()).toBe(play);
      expect(await hiddenControls(ann.page, '[data-testid="recording-library"]'), `${language} recordings`).toEqual([]);
      await ann.page.mouse.move(2, 2);
      await ann.page.screenshot({ path: path.join(PROJECT_ROOT, `e2e/artifacts/recording-library-${language}.png`) });
    }
  }, 120_000);
});
