// Join time: from the join action to the first decoded remote frame, for the
// app and for its floor, a bare page with no app code that publishes and
// subscribes through the same Janus. Target: the app within 1.5 times the floor.
import type { Browser, Page } from 'playwright-core';
import { joinUrl, launchParticipant, uniqueRoom } from '../e2e/harness/browser.js';
import { BARE_PREPARE, bareJoinScript } from './harness/bare-janus-page.js';
import { median, type Benchmark } from './harness/bench-result.js';
import { firstFrameScript, startCallBenchStack } from './harness/call-stack.js';

const RUNS = 9;
const TARGET_RATIO = 1.5;

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
  const clickedAt = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const button = document.querySelector('button[type="submit"]');
        button?.addEventListener('click', () => resolve(performance.now()), { capture: true, once: true });
        (button as HTMLButtonElement | null)?.click();
      }),
  );
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

const benchmark: Benchmark = async () => {
  const bench = await startCallBenchStack();
  const publisher = await launchParticipant('Publisher');
  const measured = await launchParticipant('Measured');
  const app: number[] = [];
  const floor: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      for (const kind of ['app', 'floor'] as const) {
        const { room, page } = await roomWithPublisher(publisher.browser, bench.web.url);
        if (kind === 'app') app.push(await measureApp(measured.browser, bench.web.url, room));
        else floor.push(await measureFloor(measured.browser, bench.web.url, bench.stack.runtimeConfig.janusUrl, room));
        await page.context().close();
      }
    }
  } finally {
    await Promise.all([publisher.close(), measured.close()]);
    await bench.stop();
  }
  const appMedian = median(app);
  const floorMedian = median(floor);
  const ratio = appMedian / floorMedian;
  return {
    figures: [
      {
        name: 'join to first decoded remote frame (app)',
        value: appMedian,
        unit: 'ms',
        better: 'lower',
        reference: { name: 'bare page publishing and subscribing', value: floorMedian },
        target: { description: `at most ${TARGET_RATIO} times the floor`, met: ratio <= TARGET_RATIO },
      },
      { name: 'join time, app / floor', value: ratio, unit: 'x', better: 'lower' },
    ],
    notes: [
      `median of ${RUNS} joins each, alternating app and floor, each into a fresh room with one publisher already up`,
      `app runs: ${app.map((value) => value.toFixed(0)).join(', ')} ms; floor runs: ${floor.map((value) => value.toFixed(0)).join(', ')} ms`,
      'both open camera and microphone before the timed action (the app in its lobby preview); the floor sends no simulcast',
    ],
  };
};

export default benchmark;
