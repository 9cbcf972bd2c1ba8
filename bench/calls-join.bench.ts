// Join time: from the join action to the first decoded remote frame, for the
// app, for Janus's own VideoRoom demo (Debian's janus-demos, as shipped) and
// for the floor, a bare page with no app code that publishes and subscribes
// through the same Janus. Targets: the app within 1.2 times the floor, and
// at most 0.7 times the demo.
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { joinUrl, launchParticipant, uniqueRoom } from '../e2e/harness/browser.js';
import { BARE_PREPARE, bareJoinScript } from './harness/bare-janus-page.js';
import { median, type Benchmark } from './harness/bench-result.js';
import { clickTimeScript, firstFrameScript, startCallBenchStack } from './harness/call-stack.js';
import { serveJanusDemo, timeDemoJoin, type JanusDemoServer } from './harness/janus-demo-page.js';

const RUNS = 9;
/** How long the measured person stays in the lobby after the preview shows; the demo's Start and the floor's media opening are likewise untimed. */
const LOBBY_MS = 1000;
const FLOOR_TARGET_RATIO = 1.2;
const DEMO_TARGET_RATIO = 0.7;
const KINDS = ['app', 'demo', 'floor'] as const;
type Kind = (typeof KINDS)[number];

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  return context.newPage();
}

/** A room with one app participant already publishing, whose video the measured page must decode. */
async function roomWithPublisher(browser: Browser, webUrl: string): Promise<{ room: string; page: Page }> {
  const room = uniqueRoom('bench');
  const page = await newPage(browser);
  await page.goto(joinUrl(webUrl, room, 'Publisher'));
  await page.getByTestId('call').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="call"]')?.getAttribute('data-phase') === 'in-call');
  // Janus announces a publisher once its media is up: wait for that, so both sides measure the same thing.
  await page.waitForTimeout(1500);
  return { room, page };
}

async function measureApp(browser: Browser, webUrl: string, room: string): Promise<number> {
  const page = await newPage(browser);
  const lobby = new URL(webUrl);
  lobby.search = new URLSearchParams({ room, name: 'Measured' }).toString();
  await page.goto(lobby.toString());
  // The lobby opens camera and microphone for its preview before anyone clicks Join.
  await page.evaluate(firstFrameScript('[data-testid="preview-video"]'));
  // A person looks at the lobby before clicking: that time is what the warm join prepares in.
  await page.waitForTimeout(LOBBY_MS);
  const clickedAt = (await page.evaluate(clickTimeScript('button[type="submit"]'))) as number;
  const decodedAt = (await page.evaluate(firstFrameScript('[data-testid="tile-video"]'))) as number;
  await page.context().close();
  return decodedAt - clickedAt;
}

async function measureFloor(browser: Browser, webUrl: string, janusUrl: string, room: string): Promise<number> {
  const page = await newPage(browser);
  // Any page of the web server's origin: a secure context allowed to reach Janus, with no app code run.
  await page.goto(new URL('/bench-floor', webUrl).toString());
  await page.evaluate(BARE_PREPARE);
  const elapsed = (await page.evaluate(bareJoinScript(janusUrl, room))) as number;
  await page.context().close();
  return elapsed;
}

async function measureDemo(browser: Browser, demo: JanusDemoServer, room: string): Promise<number> {
  const page = await newPage(browser);
  // Unlike the app and the floor, the demo opens camera and microphone only after its join click, as it ships.
  const elapsed = await timeDemoJoin(page, demo.pageUrl(room), 'Measured');
  await page.context().close();
  return elapsed;
}

const runs = (values: readonly number[]): string => values.map((value) => value.toFixed(0)).join(', ');

const benchmark: Benchmark = async () => {
  const bench = await startCallBenchStack();
  const { janusUrl, iceServers, janusApiSecret } = bench.stack.runtimeConfig;
  const demo = await serveJanusDemo({ janusUrl, iceServers, apiSecret: janusApiSecret }).catch(async (error: unknown) => {
    await bench.stop();
    throw error;
  });
  const publisher = await launchParticipant('Publisher');
  const measured = await launchParticipant('Measured');
  const times: Record<Kind, number[]> = { app: [], demo: [], floor: [] };
  // The machine is shared: the load says how far to trust a round.
  const loads: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      loads.push(loadavg()[0] ?? Number.NaN);
      // Alternated, so a slow spell of the shared machine falls on all three alike.
      for (const kind of KINDS) {
        const { room, page } = await roomWithPublisher(publisher.browser, bench.web.url);
        if (kind === 'app') times.app.push(await measureApp(measured.browser, bench.web.url, room));
        else if (kind === 'demo') times.demo.push(await measureDemo(measured.browser, demo, room));
        else times.floor.push(await measureFloor(measured.browser, bench.web.url, janusUrl, room));
        await page.context().close();
      }
    }
  } finally {
    await Promise.all([publisher.close(), measured.close()]);
    await demo.close();
    await bench.stop();
  }
  const appMedian = median(times.app);
  const demoMedian = median(times.demo);
  const floorMedian = median(times.floor);
  const floorRatio = appMedian / floorMedian;
  const demoRatio = appMedian / demoMedian;
  const floorReference = { name: 'bare page publishing and subscribing', value: floorMedian };
  return {
    figures: [
      {
        name: 'join to first decoded remote frame (app)',
        value: appMedian,
        unit: 'ms',
        better: 'lower',
        reference: floorReference,
        target: { description: `at most ${FLOOR_TARGET_RATIO} times the floor`, met: floorRatio <= FLOOR_TARGET_RATIO },
      },
      { name: 'join time, app / floor', value: floorRatio, unit: 'x', better: 'lower' },
      {
        name: 'join to first decoded remote frame (Janus VideoRoom demo)',
        value: demoMedian,
        unit: 'ms',
        better: 'lower',
        reference: floorReference,
      },
      {
        name: 'join time, app / demo',
        value: demoRatio,
        unit: 'x',
        better: 'lower',
        target: { description: `at most ${DEMO_TARGET_RATIO} times the demo`, met: demoRatio <= DEMO_TARGET_RATIO },
      },
    ],
    notes: [
      `median of ${RUNS} joins each, alternating app, demo and floor, each into a fresh room with one app participant already publishing`,
      `app runs: ${runs(times.app)} ms; demo runs: ${runs(times.demo)} ms; floor runs: ${runs(times.floor)} ms`,
      `1-minute load average at the start of each round (2 cores): ${loads.map((average) => average.toFixed(1)).join(', ')}`,
      `the app and the floor open camera and microphone before the timed action (the app in its lobby preview, clicked ${LOBBY_MS} ms after the preview shows); the floor sends no simulcast`,
      "the demo is Debian's janus-demos videoroomtest.html served from loopback, timed from its \"Join the room\" click (its Start, session and handle come before) to the first frame in #videoremote1; it opens the camera after that click, and reads the room as a string instead of with parseInt (bench/harness/janus-demo-page.ts)",
    ],
  };
};

export default benchmark;
