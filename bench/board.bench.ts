// Board benchmarks: stroke latency between two Chromium processes against a
// raw RTCDataChannel floor, frame times while panning and zooming large
// boards, restore time from disk and the time a new peer takes to join a
// 50,000-stroke board.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startSignaling } from '../deploy/stack/signaling.js';
import { boardUrl, createProfile, launchBoardParticipant, peerCount, removeProfile, type BoardParticipant } from '../e2e/harness/board-browser.js';
import { RENDERER_DIRECTORY } from '../scripts/launch-environment.js';
import { serveWebBuild } from '../scripts/web-server.js';
import type { BenchFigure, Benchmark } from './harness/bench-result.js';
import { boardFile, boardShownScript, importBoard, strokeLatency, timeImport } from './harness/board-pages.js';
import { waitFor } from './harness/wait-for.js';

const SIGNALING_PORT = 4455;
const STROKES_FOR_LATENCY = 40;
const FLOOR_MESSAGES = 200;

interface Summary {
  readonly median: number;
  readonly p95: number;
  /** The worst sample: p95 hides the rare long frame, such as a burst of tiles finishing together. */
  readonly max: number;
  readonly samples: number;
}

function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  return { median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? Number.NaN), samples: sorted.length };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** One-way times of raw RTCDataChannel messages between the same two browsers: the floor for stroke latency. */
async function dataChannelFloor(sender: Page, receiver: Page): Promise<number[]> {
  const offer = await sender.evaluate(async () => {
    const connection = new RTCPeerConnection({ iceServers: [] });
    const channel = connection.createDataChannel('floor');
    Object.assign(window, { floorConnection: connection, floorChannel: channel });
    await connection.setLocalDescription(await connection.createOffer());
    await new Promise<void>((resolve) => {
      if (connection.iceGatheringState === 'complete') resolve();
      connection.addEventListener('icegatheringstatechange', () => connection.iceGatheringState === 'complete' && resolve());
    });
    return connection.localDescription?.toJSON() as RTCSessionDescriptionInit;
  });
  const answer = await receiver.evaluate(async (remote) => {
    const connection = new RTCPeerConnection({ iceServers: [] });
    const times: number[] = [];
    Object.assign(window, { floorConnection: connection, floorTimes: times });
    connection.addEventListener('datachannel', (event) => {
      event.channel.addEventListener('message', (message: MessageEvent<string>) => {
        times.push(performance.timeOrigin + performance.now() - Number(message.data.slice(0, message.data.indexOf(' '))));
      });
    });
    await connection.setRemoteDescription(remote);
    await connection.setLocalDescription(await connection.createAnswer());
    await new Promise<void>((resolve) => {
      if (connection.iceGatheringState === 'complete') resolve();
      connection.addEventListener('icegatheringstatechange', () => connection.iceGatheringState === 'complete' && resolve());
    });
    return connection.localDescription?.toJSON() as RTCSessionDescriptionInit;
  }, offer);
  await sender.evaluate(async (remote) => {
    const { floorConnection, floorChannel } = window as unknown as { floorConnection: RTCPeerConnection; floorChannel: RTCDataChannel };
    await floorConnection.setRemoteDescription(remote);
    if (floorChannel.readyState !== 'open') await new Promise((resolve) => floorChannel.addEventListener('open', resolve));
  }, answer);
  for (let index = 0; index < FLOOR_MESSAGES; index += 1) {
    // About the size of a stroke update; sent one at a time like strokes.
    await sender.evaluate(() => {
      const { floorChannel } = window as unknown as { floorChannel: RTCDataChannel };
      floorChannel.send(`${performance.timeOrigin + performance.now()} ${'x'.repeat(400)}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await waitFor(async () => (await receiver.evaluate(() => (window as unknown as { floorTimes: number[] }).floorTimes.length)) >= FLOOR_MESSAGES, 10_000, 'floor messages');
  return receiver.evaluate(() => (window as unknown as { floorTimes: number[] }).floorTimes);
}

/** Frame intervals measured in the page while the driver pans with the wheel and zooms with Ctrl+wheel. */
async function frameTimes(page: Page): Promise<number[]> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  await page.evaluate(`(() => {
    const frames = [];
    let last = performance.now();
    let running = true;
    function tick(now) {
      frames.push(now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    }
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
    Object.assign(window, { frames, stopFrames: () => (running = false) });
  })()`);
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let step = 0; step < 60; step += 1) await page.mouse.wheel(step % 20 < 10 ? 120 : -120, step % 7 < 4 ? 60 : -60);
  await page.keyboard.down('Control');
  for (let step = 0; step < 30; step += 1) await page.mouse.wheel(0, step % 10 < 5 ? -40 : 40);
  await page.keyboard.up('Control');
  for (let step = 0; step < 60; step += 1) await page.mouse.wheel(step % 20 < 10 ? -120 : 120, 0);
  return page.evaluate(() => {
    const { frames, stopFrames } = window as unknown as { frames: number[]; stopFrames: () => void };
    stopFrames();
    return frames.slice(2);
  });
}

/** Milliseconds from navigation to the first frame showing all `count` items, painted sharp, measured in the page. */
async function timeToPaint(participant: BoardParticipant, url: string, count: number): Promise<number> {
  await participant.context.addInitScript(`(() => {
    function check() {
      if (${boardShownScript(count)}) Object.assign(window, { paintedAt: performance.now() });
      else requestAnimationFrame(check);
    }
    requestAnimationFrame(check);
  })()`);
  await participant.page.goto(url);
  await waitFor(async () => (await participant.page.evaluate(() => (window as unknown as { paintedAt?: number }).paintedAt)) !== undefined, 300_000, `${count} items painted`);
  return round((await participant.page.evaluate(() => (window as unknown as { paintedAt: number }).paintedAt)) as number);
}

/** The page's JS heap in MB once garbage is collected. */
async function heapMegabytes(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return round(usedSize / 1_000_000);
}

/** Frame interval figures: the median, p95 and worst frame of one panning-and-zooming run. */
function frameFigures(label: string, summary: Summary): BenchFigure[] {
  return [
    { name: `frame interval, ${label}, median`, value: summary.median, unit: 'ms', better: 'lower' },
    { name: `frame interval, ${label}, p95`, value: summary.p95, unit: 'ms', better: 'lower' },
    { name: `frame interval, ${label}, worst`, value: summary.max, unit: 'ms', better: 'lower' },
  ];
}

const benchmark: Benchmark = async () => {
  const runDirectory = await mkdtemp(path.join(tmpdir(), 'confer-bench-'));
  const signaling = await startSignaling(runDirectory, SIGNALING_PORT);
  const config = { janusUrl: 'ws://127.0.0.1:1', signalingUrls: [`ws://127.0.0.1:${SIGNALING_PORT}`], iceServers: [] };
  const web = await serveWebBuild(RENDERER_DIRECTORY, config, 0);
  const profiles: string[] = [];
  const participants: BoardParticipant[] = [];
  const launch = async (name: string, profile?: string): Promise<BoardParticipant> => {
    const directory = profile ?? (await createProfile());
    if (!profile) profiles.push(directory);
    const participant = await launchBoardParticipant(name, web.url, directory);
    participants.push(participant);
    return participant;
  };
  try {
    const figures: BenchFigure[] = [];

    const [alice, bob] = await Promise.all([launch('Alice'), launch('Bob')]);
    await alice.page.goto(boardUrl(web.url, 'bench-latency', 'Alice'));
    await bob.page.goto(boardUrl(web.url, 'bench-latency', 'Bob'));
    await waitFor(async () => (await peerCount(alice.page)) === 1 && (await peerCount(bob.page)) === 1, 30_000, 'peers');
    const latency = summarize(await strokeLatency(alice.page, bob.page, STROKES_FOR_LATENCY));
    const floor = summarize(await dataChannelFloor(alice.page, bob.page));
    figures.push(
      { name: 'stroke latency A to B, median', value: latency.median, unit: 'ms', better: 'lower', reference: { name: 'raw RTCDataChannel one-way, median', value: floor.median } },
      { name: 'stroke latency A to B, p95', value: latency.p95, unit: 'ms', better: 'lower', reference: { name: 'raw RTCDataChannel one-way, p95', value: floor.p95 } },
    );
    await bob.close();
    participants.splice(participants.indexOf(bob), 1);

    for (const count of [10_000, 50_000]) {
      const file = await boardFile(runDirectory, count);
      await alice.page.goto(boardUrl(web.url, `bench-frames-${count}`, 'Alice'));
      await alice.page.getByTestId('board-canvas').waitFor();
      figures.push({ name: `import of a JSON board, ${count.toLocaleString('en')} strokes, file chosen to all painted`, value: round(await timeImport(alice.page, file, count)), unit: 'ms', better: 'lower' });
      if (count === 50_000) figures.push({ name: 'JS heap with 50,000 strokes open, after a garbage collection', value: await heapMegabytes(alice.page), unit: 'MB', better: 'lower' });
      await alice.page.keyboard.press('0');
      figures.push(...frameFigures(`${count.toLocaleString('en')} strokes at 100 %`, summarize(await frameTimes(alice.page))));
      await alice.page.keyboard.press('f');
      figures.push(...frameFigures(`${count.toLocaleString('en')} strokes zoomed to fit`, summarize(await frameTimes(alice.page))));
    }

    // Restore: a board from disk after the browser was closed, no peer holding it.
    for (const count of [10_000, 50_000]) {
      const restoreProfile = await createProfile();
      profiles.push(restoreProfile);
      const restorer = await launch('Restorer', restoreProfile);
      await restorer.page.goto(boardUrl(web.url, `bench-restore-${count}`, 'Restorer'));
      await importBoard(restorer.page, path.join(runDirectory, `board-${count}-wave.json`), count);
      await restorer.page.waitForTimeout(3_000);
      await restorer.close();
      participants.splice(participants.indexOf(restorer), 1);
      const reopened = await launch('Restorer', restoreProfile);
      figures.push({ name: `open ${count.toLocaleString('en')} strokes from disk after a restart, page load to all painted`, value: await timeToPaint(reopened, web.url, count), unit: 'ms', better: 'lower' });
      await reopened.close();
      participants.splice(participants.indexOf(reopened), 1);
    }

    // Join: Alice holds the 50,000-stroke board; a new peer opens it.
    const joiner = await launch('Joiner');
    figures.push({ name: 'new peer joins a 50,000-stroke board', value: await timeToPaint(joiner, boardUrl(web.url, 'bench-frames-50000', 'Joiner'), 50_000), unit: 'ms', better: 'lower' });
    return {
      figures,
      notes: [
        `stroke latency: pointer up on A to the item counted on B, ${STROKES_FOR_LATENCY} strokes; floor: ${FLOOR_MESSAGES} raw data-channel messages between the same two browsers`,
        'frame interval: time between animation frames while wheel and Ctrl+wheel events pan and zoom; 16.7 ms is one 60 Hz frame',
        'import: from the file input\'s change event; open from disk and join: from navigation, page load included; all three to the first frame with every item counted and every tile in view painted sharp',
        'restore and join include the page load; y-webrtc echoes a joining peer\'s whole state back once, which is part of the join time',
      ],
    };

  } finally {
    await Promise.all(participants.map((participant) => participant.close().catch(() => undefined)));
    await Promise.all(profiles.map(removeProfile));
    await web.close();
    await signaling.stop();
    await rm(runDirectory, { recursive: true, force: true });
  }
};

export default benchmark;
