// Board painting without the frame-rate cap: frame times while panning at
// 1,500 px/s and while zooming out to a tenth and back, over 10,000 and
// 50,000 strokes. With Chromium's cap off (checked on an empty page first),
// the time between animation frames is the work each frame did, so a frame
// that repaints too much shows as itself instead of hiding in a 16.7 ms slot.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { boardUrl, createProfile, launchBoardParticipant, removeProfile } from '../e2e/harness/board-browser.js';
import { RENDERER_DIRECTORY } from '../scripts/launch-environment.js';
import { serveWebBuild } from '../scripts/web-server.js';
import { median, percentile, type BenchFigure, type Benchmark } from './harness/bench-result.js';
import { boardFile, importBoard } from './harness/board-pages.js';

/**
 * Headless Chromium keeps its 60 Hz frame source with the first two flags
 * alone (an empty page still ticks every 17 ms); running every compositor
 * stage before a frame is drawn lets frames follow each other at once.
 */
const UNCAPPED = ['--disable-gpu-vsync', '--disable-frame-rate-limit', '--run-all-compositor-stages-before-draw'];
const PAN_PX_PER_S = 1500;
const SWEEP_MS = 5000;
/** Zooming out to this fraction of 100 % and back, over the same time. */
const ZOOM_LOW = 0.1;

type Sweep = 'pan' | 'zoom';

/**
 * Drives the board from inside the page, one wheel event per animation
 * frame sized by the time since the last one, and returns the frame
 * intervals. A string, not a function: tsx would wrap named inner functions
 * in a helper the page does not have.
 */
function sweep(page: Page, kind: Sweep): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const canvas = document.querySelector('[data-testid="board-canvas"]');
    const box = canvas.getBoundingClientRect();
    const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
    const frames = [];
    let start = 0;
    let last = 0;
    function wheel(dt, elapsed) {
      if (${JSON.stringify(kind)} === 'pan') return { deltaX: ${PAN_PX_PER_S / 1000} * dt, deltaY: 0 };
      // Zoom out for the first half, in for the second: Ctrl+wheel, 200 px of wheel per e-fold as the board reads it.
      const out = elapsed < ${SWEEP_MS / 2};
      const perMs = Math.log(1 / ${ZOOM_LOW}) / ${SWEEP_MS / 2};
      return { deltaX: 0, deltaY: (out ? 1 : -1) * perMs * dt * 200, ctrlKey: true };
    }
    function tick(now) {
      const dt = now - last;
      frames.push(dt);
      last = now;
      canvas.dispatchEvent(new WheelEvent('wheel', { ...at, ...wheel(dt, now - start), deltaMode: 0, bubbles: true, cancelable: true }));
      if (now - start < ${SWEEP_MS}) requestAnimationFrame(tick);
      else resolve(frames.slice(2));
    }
    requestAnimationFrame((now) => {
      start = last = now;
      requestAnimationFrame(tick);
    });
  })`);
}

/** Frame intervals of a page with nothing to draw: with the cap off they are far below a 60 Hz frame. */
function emptyFrames(page: Page): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const frames = [];
    let last = performance.now();
    function tick(now) {
      frames.push(now - last);
      last = now;
      if (frames.length < 300) requestAnimationFrame(tick);
      else resolve(frames.slice(2));
    }
    requestAnimationFrame(tick);
  })`);
}

const round = (value: number) => Math.round(value * 10) / 10;

function sweepFigures(label: string, frames: readonly number[], targets: { readonly p95: number; readonly worst: number }): BenchFigure[] {
  const p95 = round(percentile(frames, 95));
  const worst = round(Math.max(...frames));
  return [
    { name: `${label}, median`, value: round(median(frames)), unit: 'ms', better: 'lower' },
    { name: `${label}, p95`, value: p95, unit: 'ms', better: 'lower', target: { description: `at most ${targets.p95} ms`, met: p95 <= targets.p95 } },
    { name: `${label}, worst`, value: worst, unit: 'ms', better: 'lower', target: { description: `at most ${targets.worst} ms`, met: worst <= targets.worst } },
    { name: `${label}, frames`, value: frames.length, unit: 'frames', better: 'higher' },
  ];
}

const benchmark: Benchmark = async () => {
  const runDirectory = await mkdtemp(path.join(tmpdir(), 'confer-bench-'));
  const config = { janusUrl: 'ws://127.0.0.1:1', signalingUrls: ['ws://127.0.0.1:1'], iceServers: [] };
  const web = await serveWebBuild(RENDERER_DIRECTORY, config, 0);
  const profile = await createProfile();
  const painter = await launchBoardParticipant('Painter', web.url, profile, { width: 1280, height: 800 }, UNCAPPED);
  try {
    await painter.page.goto('about:blank');
    const empty = round(median(await emptyFrames(painter.page)));
    if (empty >= 12) throw new Error(`frames of an empty page take ${empty} ms: the frame-rate cap is still on`);
    const figures: BenchFigure[] = [{ name: 'frame interval of an empty page, cap off, median', value: empty, unit: 'ms', better: 'lower' }];
    for (const count of [10_000, 50_000]) {
      const file = await boardFile(runDirectory, count);
      await painter.page.goto(boardUrl(web.url, `bench-pan-${count}`, 'Painter'));
      await importBoard(painter.page, file, count);
      await painter.page.keyboard.press('0');
      await painter.page.waitForTimeout(1000);
      const strokes = count.toLocaleString('en');
      figures.push(...sweepFigures(`panning at 1,500 px/s, ${strokes} strokes, frame interval`, await sweep(painter.page, 'pan'), { p95: 10, worst: 33 }));
      await painter.page.keyboard.press('0');
      await painter.page.waitForTimeout(1000);
      figures.push(...sweepFigures(`zooming to 10 % and back, ${strokes} strokes, frame interval`, await sweep(painter.page, 'zoom'), { p95: 10, worst: 50 }));
    }
    return {
      figures,
      notes: [
        `Chromium runs with ${UNCAPPED.join(' ')}; an empty page's frames are checked to be far below 16.7 ms first`,
        `each sweep lasts ${SWEEP_MS / 1000} s, one wheel event per frame dispatched in the page; 1280x800; the board is rows of wave strokes 160 board units apart`,
        'the zoom sweep does not check that every stroke shows in every frame',
      ],
    };
  } finally {
    await painter.close().catch(() => undefined);
    await removeProfile(profile);
    await web.close();
    await rm(runDirectory, { recursive: true, force: true });
  }
};

export default benchmark;
