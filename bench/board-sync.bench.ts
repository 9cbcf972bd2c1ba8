// The board in a call, synced through Janus, against y-webrtc's mesh:
//  1. data-channel messages and bytes per stroke with 4, 8 and 12 people,
//     beside y-webrtc with the same number of board-only pages;
//  2. stroke latency from A to B through Janus, against a bare page's data
//     channel through the same Janus;
//  3. a newcomer joining a call whose board holds 50,000 strokes.
// Cameras and microphones are off throughout: what is measured is the board.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { boardUrl, itemCount, peerCount } from '../e2e/harness/board-browser.js';
import { launchParticipant, uniqueRoom, type Participant } from '../e2e/harness/browser.js';
import { bareDataPublisherScript, bareDataSubscriberScript } from './harness/bare-janus-page.js';
import { median, percentile, type BenchFigure, type Benchmark } from './harness/bench-result.js';
import { boardFile, drawStroke, importBoard, readArrivals, readPointerUps, strokeLatency, watchArrivals, watchPointerUps } from './harness/board-pages.js';
import { waitFor } from './harness/wait-for.js';
import { firstFrameScript, startCallBenchStack } from './harness/call-stack.js';
import { countDataChannelSends, emptySendCounts, readSends, resetSends, totalSends, type SendCounts } from '../e2e/harness/data-channel-sends.js';
import { showBoardOnStage } from '../e2e/harness/call-page.js';
import { clockStages, latencyStages, resetStages } from './harness/latency-stages.js';

/** People per call and per mesh. 12 Chromiums fit on the 2-core machine, slowly (see the README). */
const SIZES = [4, 8, 12] as const;
/** Strokes per size: the awareness count varies with the pointer's timing, so it is averaged. */
const STROKES_PER_SIZE = 5;
const LATENCY_STROKES = 50;
const FLOOR_MESSAGES = 200;
/** Milliseconds between floor messages: strokes, too, go one at a time. */
const FLOOR_GAP_MS = 20;
const NEWCOMER_BOARD_STROKES = 50_000;
/** Chromiums started at once: more at a time starve the pages already in the call on 2 cores. */
const LAUNCH_BATCH = 2;
const LATENCY_TARGET_RATIO = 1.5;
const NEWCOMER_TARGET_MS = 3000;
/** Tall enough that the board under the call view shows every stroke `drawStroke` draws. */
const VIEWPORT = { width: 1280, height: 1000 };

interface Person {
  readonly name: string;
  readonly participant: Participant;
  /** Replaced by `renew`: a fresh context forgets the last board, which the lobby would otherwise reopen. */
  page: Page;
}

/** Counts the context's data-channel sends from the first script on, and notes the sync warnings its pages print. */
async function prepareContext(context: BrowserContext, name: string, webUrl: string, warnings: string[]): Promise<void> {
  await countDataChannelSends(context);
  await clockStages(context);
  // Board-only pages hold no media: without a permission Chromium gathers no ICE candidates.
  await context.grantPermissions(['camera', 'microphone'], { origin: new URL(webUrl).origin });
  context.on('console', (message) => {
    if (message.type() === 'warning' && /stopped applying|dropped a participant/.test(message.text())) warnings.push(`${name}: ${message.text()}`);
  });
}

/** One Chromium per person, launched a few at a time. */
async function launchPeople(names: readonly string[], webUrl: string, warnings: string[]): Promise<Person[]> {
  const people: Person[] = [];
  for (let start = 0; start < names.length; start += LAUNCH_BATCH) {
    const batch = names.slice(start, start + LAUNCH_BATCH);
    people.push(
      ...(await Promise.all(
        batch.map(async (name) => {
          const participant = await launchParticipant(name, VIEWPORT);
          await prepareContext(participant.page.context(), name, webUrl, warnings);
          return { name, participant, page: participant.page };
        }),
      )),
    );
  }
  return people;
}

/** The same browser with a new context: no storage, no open board. */
async function renew(person: Person, webUrl: string, warnings: string[]): Promise<void> {
  await person.page.context().close();
  const context = await person.participant.browser.newContext({ viewport: VIEWPORT });
  await prepareContext(context, person.name, webUrl, warnings);
  person.page = await context.newPage();
}

/** The lobby with camera and microphone switched off, ready for Join. */
async function openMutedLobby(page: Page, webUrl: string, room: string, name: string): Promise<void> {
  const lobby = new URL(webUrl);
  lobby.search = new URLSearchParams({ room, name }).toString();
  await page.goto(lobby.toString());
  // The lobby opens camera and microphone for its preview; switch them off once they are on.
  await page.evaluate(firstFrameScript('[data-testid="preview-video"]'));
  await page.getByRole('button', { name: 'Microphone on', exact: true }).click();
  await page.getByRole('button', { name: 'Camera on', exact: true }).click();
  await page.getByRole('button', { name: 'Camera off', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Microphone off', exact: true }).waitFor();
}

/** In the call with its board on the stage, where the mouse can draw on it. */
async function waitForCallBoard(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="call"]')?.getAttribute('data-phase') === 'in-call', undefined, { timeout: 60_000 });
  await showBoardOnStage(page);
}

async function joinMuted(people: readonly Person[], webUrl: string, room: string): Promise<void> {
  for (const person of people) {
    await openMutedLobby(person.page, webUrl, room, person.name);
    await person.page.getByRole('button', { name: 'Join', exact: true }).click();
  }
  for (const person of people) await waitForCallBoard(person.page);
}

/**
 * Waits until every page counts all the others as board peers (in a call:
 * heard from on the board; in y-webrtc: a data channel open). Says what it
 * saw when they do not, and the caller decides whether to go on.
 */
async function waitForPeers(pages: readonly Page[], timeoutMs: number): Promise<string | null> {
  const others = pages.length - 1;
  try {
    await waitFor(async () => (await Promise.all(pages.map(peerCount))).every((count) => count === others), timeoutMs, `${pages.length} pages to see ${others} peers each`);
    return null;
  } catch {
    const seen = await Promise.all(pages.map((page) => peerCount(page).catch(() => -1)));
    return `after ${timeoutMs / 1000} s, ${pages.length} pages counted ${seen.join(', ')} peers (${others} expected)`;
  }
}

interface StrokeTraffic {
  /** All pages' sends, per stroke. */
  readonly perStroke: SendCounts;
  /** Pointer-up on the drawer to the stroke counted on the last other page, per stroke. */
  readonly spreadMs: number[];
}

/** `strokes` strokes drawn by the first page, each counted from the stroke until every other page has it. */
async function strokeTraffic(pages: readonly Page[], strokes: number): Promise<StrokeTraffic> {
  const [drawer, ...others] = pages;
  if (!drawer) throw new Error('no pages');
  await watchPointerUps(drawer);
  await Promise.all(others.map(watchArrivals));
  const sum = emptySendCounts();
  for (let index = 0; index < strokes; index += 1) {
    const before = await Promise.all(others.map(itemCount));
    await resetSends(pages);
    await drawStroke(drawer, index);
    await waitFor(async () => (await Promise.all(others.map(itemCount))).every((count, page) => count >= (before[page] ?? 0) + 1), 60_000, 'a stroke on every page');
    const counts = await totalSends(pages);
    for (const category of Object.keys(sum) as Array<keyof SendCounts>) {
      sum[category].messages += counts[category].messages / strokes;
      sum[category].bytes += counts[category].bytes / strokes;
    }
  }
  const ups = await readPointerUps(drawer);
  const arrivals = await Promise.all(others.map(readArrivals));
  const spreadMs = ups.map((up, stroke) => Math.max(...arrivals.map((times) => times[stroke] ?? Number.NaN)) - up);
  return { perStroke: sum, spreadMs };
}

function round(value: number, digits = 1): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

function trafficFigures(size: number, call: StrokeTraffic, mesh: StrokeTraffic | null): BenchFigure[] {
  const pairs = size * (size - 1);
  const rows: Array<[string, 'document' | 'awareness', 'messages' | 'bytes']> = [
    [`document messages per stroke, ${size} people (N(N-1) = ${pairs})`, 'document', 'messages'],
    [`document bytes per stroke, ${size} people`, 'document', 'bytes'],
    [`awareness messages per stroke, ${size} people`, 'awareness', 'messages'],
    [`awareness bytes per stroke, ${size} people`, 'awareness', 'bytes'],
  ];
  const figures: BenchFigure[] = rows.map(([name, category, measure]) => ({
    name: `in call, ${name}`,
    value: round(call.perStroke[category][measure]),
    unit: measure,
    better: 'lower',
    ...(mesh ? { reference: { name: 'y-webrtc mesh, same N', value: round(mesh.perStroke[category][measure]) } } : {}),
  }));
  figures.push({
    name: `in call, stroke to the last of ${size - 1} others, median`,
    value: round(median(call.spreadMs)),
    unit: 'ms',
    better: 'lower',
    ...(mesh ? { reference: { name: 'y-webrtc mesh, same N', value: round(median(mesh.spreadMs)) } } : {}),
  });
  return figures;
}

/** One-way times of text messages from a bare publisher's data channel to a bare subscriber through Janus. */
async function janusDataChannelFloor(publisherSide: Person, subscriberSide: Person, webUrl: string, janusUrl: string, messageBytes: number): Promise<number[]> {
  const origin = new URL(webUrl).origin;
  const open = async (person: Person): Promise<Page> => {
    const context = await person.participant.browser.newContext();
    await context.grantPermissions(['camera', 'microphone'], { origin });
    const page = await context.newPage();
    // Any page of the web server's origin: a secure context allowed to reach Janus, with no app code run.
    await page.goto(new URL('/bench-floor', webUrl).toString());
    return page;
  };
  const [publisher, subscriber] = await Promise.all([open(publisherSide), open(subscriberSide)]);
  try {
    const room = uniqueRoom('bench-floor');
    const feed = (await publisher.evaluate(bareDataPublisherScript(janusUrl, room, messageBytes))) as number | string;
    await subscriber.evaluate(bareDataSubscriberScript(janusUrl, room, feed));
    const received = async (): Promise<number[]> => (await subscriber.evaluate('window.floorTimes')) as number[];
    // Janus may relay only some time after the subscription's channel opens: probe until a message gets through.
    await waitFor(async () => {
      await publisher.evaluate('window.floorSend()');
      return (await received()).length > 0;
    }, 20_000, 'a first floor message through Janus');
    await subscriber.evaluate('window.floorTimes.length = 0');
    for (let index = 0; index < FLOOR_MESSAGES; index += 1) {
      await publisher.evaluate('window.floorSend()');
      await new Promise((resolve) => setTimeout(resolve, FLOOR_GAP_MS));
    }
    await waitFor(async () => (await received()).length >= FLOOR_MESSAGES, 20_000, 'floor messages');
    return await received();
  } finally {
    await Promise.all([publisher.context().close(), subscriber.context().close()]);
  }
}

/** Every page's catch-up marks (renderer/src/sync/call-room/catch-up-marks.ts), as wall-clock times. */
async function catchUpMarks(page: Page): Promise<Array<{ stage: string; at: number }>> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((mark) => mark.name.startsWith('confer:catch-up:'))
      .map((mark) => ({ stage: mark.name.slice('confer:catch-up:'.length), at: performance.timeOrigin + mark.startTime })),
  );
}

interface NewcomerTiming {
  readonly clickedAt: number;
  readonly boardOpenedAt: number;
  readonly paintedAt: number;
}

/** In the newcomer's page, before Join: notes the click, the board appearing and the first frame painted with `count` items. */
function watchNewcomer(count: number): string {
  return `(() => {
  const timing = {};
  window.newcomer = timing;
  document.querySelector('button[type="submit"]').addEventListener('click', () => { timing.clickedAt = performance.now(); }, { capture: true, once: true });
  const check = () => {
    const canvas = document.querySelector('[data-testid="board-canvas"]');
    if (canvas && timing.boardOpenedAt === undefined) timing.boardOpenedAt = performance.now();
    if (canvas && Number(canvas.getAttribute('data-item-count')) >= ${count}) {
      requestAnimationFrame(() => { timing.paintedAt = performance.now(); });
      return;
    }
    setTimeout(check, 5);
  };
  check();
})()`;
}

function megabytes(bytes: number): number {
  return round(bytes / 1e6, 2);
}

/** Two callers hold a 50,000-stroke board; a third joins. */
async function newcomerJoins(holders: readonly Person[], newcomer: Person, webUrl: string, file: string, notes: string[]): Promise<BenchFigure[]> {
  const room = uniqueRoom('bench-newcomer');
  await joinMuted(holders, webUrl, room);
  const short = await waitForPeers(holders.map((person) => person.page), 60_000);
  if (short) throw new Error(`the holders' call did not form: ${short}`);
  const [importer, other] = holders;
  if (!importer || !other) throw new Error('two holders needed');
  const importStarted = Date.now();
  await importBoard(importer.page, file, NEWCOMER_BOARD_STROKES);
  await waitFor(async () => (await itemCount(other.page)) >= NEWCOMER_BOARD_STROKES, 300_000, 'the imported board on the second caller');
  notes.push(`newcomer: importing ${NEWCOMER_BOARD_STROKES.toLocaleString('en')} strokes on one caller until the other had them all took ${((Date.now() - importStarted) / 1000).toFixed(1)} s`);

  await openMutedLobby(newcomer.page, webUrl, room, newcomer.name);
  await newcomer.page.evaluate(watchNewcomer(NEWCOMER_BOARD_STROKES));
  const everyone = [...holders, newcomer].map((person) => person.page);
  await resetSends(everyone);
  await newcomer.page.getByRole('button', { name: 'Join', exact: true }).click();
  // The board shows on the stage once asked for, as a user would once in the call.
  await showBoardOnStage(newcomer.page);
  await waitFor(async () => (await newcomer.page.evaluate('window.newcomer.paintedAt')) !== undefined, 120_000, `${NEWCOMER_BOARD_STROKES} strokes painted on the newcomer`, async () => {
    const stages = await Promise.all(everyone.map(async (page) => (await catchUpMarks(page)).map((mark) => mark.stage).join(', ') || 'none'));
    return `it counts ${await itemCount(newcomer.page).catch(() => -1)} items; catch-up marks of the holders and the newcomer: ${stages.join(' | ')}`;
  });
  const timing = (await newcomer.page.evaluate('window.newcomer')) as NewcomerTiming;
  const clickedAtWall = (await newcomer.page.evaluate('performance.timeOrigin')) as number + timing.clickedAt;
  const marks = (await Promise.all(everyone.map(async (page, index) => (await catchUpMarks(page)).map((mark) => ({ ...mark, who: index === everyone.length - 1 ? 'newcomer' : `holder ${index + 1}` })))))
    .flat()
    .filter((mark) => mark.at >= clickedAtWall)
    .sort((a, b) => a.at - b.at);
  const perPage = await Promise.all(everyone.map(readSends));
  const direct = perPage.reduce((sum, counts) => sum + counts['catch-up-direct'].bytes, 0);
  const directMessages = perPage.reduce((sum, counts) => sum + counts['catch-up-direct'].messages, 0);
  const throughJanus = perPage.reduce((sum, counts) => sum + Object.entries(counts).reduce((bytes, [category, count]) => bytes + (category === 'catch-up-direct' ? 0 : count.bytes), 0), 0);
  const janusCatchUp = perPage.reduce((sum, counts) => sum + counts['catch-up-janus'].bytes, 0);
  const sources = [...holders].filter((_, index) => (perPage[index]?.['catch-up-direct'].messages ?? 0) + (perPage[index]?.['catch-up-janus'].messages ?? 0) > 0).map((person) => person.name);
  const joinToPainted = timing.paintedAt - timing.clickedAt;
  notes.push(
    `newcomer: caught up by ${sources.join(' and ') || 'nobody'}; ${directMessages} sends (${megabytes(direct)} MB) on the confer-catch-up channel, ${round(janusCatchUp / 1000)} KB of catch-up through Janus, ${round(throughJanus / 1000)} KB sent into Janus by all three pages in all (hello, offers, pull, signals, awareness)`,
    `newcomer: from the Join click, board open +${(timing.boardOpenedAt - timing.clickedAt).toFixed(0)} ms, ${marks.map((mark) => `${mark.who} ${mark.stage} +${(mark.at - clickedAtWall).toFixed(0)} ms`).join(', ')}, all painted +${joinToPainted.toFixed(0)} ms`,
  );
  return [
    {
      name: `newcomer: Join click to all ${NEWCOMER_BOARD_STROKES.toLocaleString('en')} strokes painted`,
      value: round(joinToPainted, 0),
      unit: 'ms',
      better: 'lower',
      target: { description: `at most ${NEWCOMER_TARGET_MS} ms`, met: joinToPainted <= NEWCOMER_TARGET_MS },
    },
    { name: 'newcomer: board open to all strokes painted', value: round(timing.paintedAt - timing.boardOpenedAt, 0), unit: 'ms', better: 'lower' },
    { name: 'newcomer: catch-up bytes on the direct channel', value: megabytes(direct), unit: 'MB', better: 'higher' },
    { name: 'newcomer: bytes sent into Janus during the join', value: round(throughJanus / 1000), unit: 'KB', better: 'lower' },
  ];
}

const benchmark: Benchmark = async () => {
  const bench = await startCallBenchStack();
  const runDirectory = await mkdtemp(path.join(tmpdir(), 'confer-bench-board-sync-'));
  const webUrl = bench.web.url;
  const janusUrl = bench.stack.runtimeConfig.janusUrl;
  const warnings: string[] = [];
  const notes: string[] = [];
  const figures: BenchFigure[] = [];
  const names = Array.from({ length: Math.max(...SIZES) }, (_, index) => `P${index + 1}`);
  let people: Person[] = [];
  try {
    // 2. Latency, in a call of two, before anyone else starts.
    people = await launchPeople(names.slice(0, 2), webUrl, warnings);
    const callRoom = uniqueRoom('bench-sync');
    await joinMuted(people, webUrl, callRoom);
    const short = await waitForPeers(people.map((person) => person.page), 60_000);
    if (short) throw new Error(`the call of two did not form: ${short}`);
    const [first, second] = people as [Person, Person];
    await resetSends([first.page]);
    await resetStages([first.page, second.page]);
    const latency = await strokeLatency(first.page, second.page, LATENCY_STROKES);
    const stages = await latencyStages(first.page, second.page, await readPointerUps(first.page), await readArrivals(second.page));
    const sent = await readSends(first.page);
    const strokeMessageBytes = Math.round(sent.document.bytes / Math.max(1, sent.document.messages));
    const floor = await janusDataChannelFloor(first, second, webUrl, janusUrl, strokeMessageBytes);
    const ratio = percentile(latency, 95) / percentile(floor, 95);
    figures.push(
      { name: 'stroke latency A to B through Janus, median', value: round(median(latency), 2), unit: 'ms', better: 'lower', reference: { name: 'bare data channel through Janus, median', value: round(median(floor), 2) } },
      {
        name: 'stroke latency A to B through Janus, p95',
        value: round(percentile(latency, 95), 2),
        unit: 'ms',
        better: 'lower',
        reference: { name: 'bare data channel through Janus, p95', value: round(percentile(floor, 95), 2) },
        target: { description: `at most ${LATENCY_TARGET_RATIO} times the floor`, met: ratio <= LATENCY_TARGET_RATIO },
      },
      { name: 'stroke latency p95, app / floor', value: round(ratio, 2), unit: 'x', better: 'lower' },
      { name: 'stroke latency stage: pointer-up to the send on A, median', value: round(stages.upToSend, 2), unit: 'ms', better: 'lower' },
      { name: 'stroke latency stage: send on A to the message on B, median', value: round(stages.sendToReceive, 2), unit: 'ms', better: 'lower' },
      { name: 'stroke latency stage: message on B to the stroke counted, median', value: round(stages.receiveToCounted, 2), unit: 'ms', better: 'lower' },
    );
    notes.push(`latency: ${LATENCY_STROKES} strokes, pointer-up on A to B's item count changing (MutationObserver); floor: ${FLOOR_MESSAGES} text messages of ${strokeMessageBytes} bytes (a stroke's envelope) every ${FLOOR_GAP_MS} ms, bare publisher to bare subscriber`);

    // 1. Traffic per stroke in a call that grows to each size.
    const callTraffic = new Map<number, StrokeTraffic>();
    for (const size of SIZES) {
      try {
        const joining = await launchPeople(names.slice(people.length, size), webUrl, warnings);
        people.push(...joining);
        await joinMuted(joining, webUrl, callRoom);
        const short = await waitForPeers(people.map((person) => person.page), 30_000);
        if (short) notes.push(`call of ${size}: ${short}; measured anyway (each stroke waits for every page to show it)`);
        callTraffic.set(size, await strokeTraffic(people.map((person) => person.page), STROKES_PER_SIZE));
      } catch (error) {
        const counts = await Promise.all(people.map((person) => itemCount(person.page).catch(() => -1)));
        notes.push(`call of ${size}: not measured (${error instanceof Error ? error.message : String(error)}); items per page: ${counts.join(', ')}`);
        break;
      }
    }
    await Promise.all(people.map((person) => person.page.goto('about:blank')));

    // The same sizes as a y-webrtc mesh of board-only pages, in the same browsers.
    const meshBoard = uniqueRoom('bench-mesh');
    const meshTraffic = new Map<number, StrokeTraffic>();
    let inMesh = 0;
    for (const size of SIZES) {
      try {
        for (const person of people.slice(inMesh, size)) await person.page.goto(boardUrl(webUrl, meshBoard, person.name));
        inMesh = size;
        const pages = people.slice(0, size).map((person) => person.page);
        const short = await waitForPeers(pages, 60_000);
        if (short) notes.push(`y-webrtc mesh of ${size}: ${short}; measured anyway`);
        meshTraffic.set(size, await strokeTraffic(pages, STROKES_PER_SIZE));
      } catch (error) {
        notes.push(`y-webrtc mesh of ${size}: not measured (${error instanceof Error ? error.message : String(error)}); peers seen: ${(await Promise.all(people.slice(0, size).map((person) => peerCount(person.page).catch(() => -1)))).join(', ')}`);
        break;
      }
    }
    for (const size of SIZES) {
      const call = callTraffic.get(size);
      if (call) figures.push(...trafficFigures(size, call, meshTraffic.get(size) ?? null));
    }
    notes.push(
      `traffic: ${STROKES_PER_SIZE} strokes per size by one page, counted from just before the stroke until every other page showed it, as RTCDataChannel.send calls and bytes summed over all pages (what pages hand to the channel: no SCTP, DTLS or UDP headers; Janus's copies to subscribers are not page sends)`,
      'traffic: "awareness" is cursors and presence; the drawer\'s pointer moves during the stroke, and periodic awareness renewals can fall inside the window',
    );

    // 3. A newcomer joins a 50,000-stroke board: only three browsers from here on.
    const [holderA, holderB, newcomer, ...rest] = people;
    await Promise.all(rest.map((person) => person.participant.close()));
    people = [holderA, holderB, newcomer].filter((person): person is Person => person !== undefined);
    if (!holderA || !holderB || !newcomer) throw new Error('three people needed');
    for (const person of people) await renew(person, webUrl, warnings);
    const file = await boardFile(runDirectory, NEWCOMER_BOARD_STROKES, 'hand-drawn');
    try {
      figures.push(...(await newcomerJoins([holderA, holderB], newcomer, webUrl, file, notes)));
    } catch (error) {
      notes.push(`newcomer: not measured (${error instanceof Error ? error.message : String(error)})`);
    }
    if (warnings.length > 0) notes.push(`sync warnings in the pages: ${warnings.slice(0, 5).join(' | ')}${warnings.length > 5 ? ` (+${warnings.length - 5} more)` : ''}`);
    return { figures, notes };
  } finally {
    await Promise.all(people.map((person) => person.participant.close().catch(() => undefined)));
    await bench.stop();
    await rm(runDirectory, { recursive: true, force: true });
  }
};

export default benchmark;
