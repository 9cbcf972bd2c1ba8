// CPU and decode rate of a four-person call: every participant receives the
// other three at 640x360 (the grid picks the medium simulcast layer) for a
// minute, and every Chromium process tree's CPU time is read from /proc.
// The same call runs twice in one run: with dynacast (each camera encodes
// only the layers someone shows), then with it switched off (every camera
// encodes all three layers), so that the two are compared on the same load.
import { readdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from '../e2e/harness/browser.js';
import { median, type Benchmark } from './harness/bench-result.js';
import { startCallBenchStack } from './harness/call-stack.js';

const PARTICIPANTS = ['Ann', 'Ben', 'Cat', 'Dan'] as const;
const MEASURE_SECONDS = Number(process.env.CONFER_BENCH_LOAD_SECONDS ?? 60);
/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const CLOCK_TICKS = 100;

/** Total CPU ticks (user + system) of the Chromium processes this benchmark started (Janus excluded). */
async function chromiumCpuTicks(rootPid: number): Promise<number> {
  const stats = new Map<number, { parent: number; ticks: number; name: string }>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const text = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (!text) continue;
    // Fields after the parenthesised command name: state ppid ... utime(14) stime(15).
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), name });
  }
  const inTree = (pid: number): boolean => {
    for (let current = pid, depth = 0; current > 1 && depth < 64; depth += 1) {
      if (current === rootPid) return true;
      current = stats.get(current)?.parent ?? 0;
    }
    return false;
  };
  let total = 0;
  for (const [pid, stat] of stats) if (/chrom/i.test(stat.name) && inTree(pid)) total += stat.ticks;
  return total;
}

interface DecodeReading {
  readonly frames: number;
  readonly widths: number[];
}

async function readDecoding(page: Page): Promise<DecodeReading> {
  return page.$$eval('[data-testid="tile"]', (tiles) => ({
    frames: tiles.reduce((sum, tile) => sum + Number(tile.getAttribute('data-frames-decoded') ?? 0), 0),
    widths: tiles.map((tile) => Number(tile.getAttribute('data-frame-width') ?? 0)),
  }));
}

interface LoadReading {
  readonly cpuPercent: number;
  readonly fps: number[];
  readonly widths: number[];
  readonly seconds: number;
}

/** One four-person call in its own browsers, measured once everyone decodes everyone. */
async function measureCall(webUrl: string): Promise<LoadReading> {
  const people: Participant[] = [];
  try {
    people.push(...(await Promise.all(PARTICIPANTS.map((name) => launchParticipant(name)))));
    const room = uniqueRoom('load');
    for (const person of people) await person.page.goto(joinUrl(webUrl, room, person.name));
    // Everyone decodes the three others before the clock starts.
    for (const person of people) {
      await person.page.waitForFunction(
        () => Array.from(document.querySelectorAll('[data-testid="tile"]')).filter((tile) => Number(tile.getAttribute('data-frames-decoded')) > 0).length === 3,
        undefined,
        { timeout: 60_000, polling: 500 },
      );
    }
    // Long enough for the layers nobody shows to be turned off, and for bitrates to settle.
    await new Promise((resolve) => setTimeout(resolve, 8000));
    const cpuBefore = await chromiumCpuTicks(process.pid);
    const decodeBefore = await Promise.all(people.map((person) => readDecoding(person.page)));
    const startedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, MEASURE_SECONDS * 1000));
    const seconds = (performance.now() - startedAt) / 1000;
    const cpuAfter = await chromiumCpuTicks(process.pid);
    const decodeAfter = await Promise.all(people.map((person) => readDecoding(person.page)));
    return {
      cpuPercent: ((cpuAfter - cpuBefore) / CLOCK_TICKS / seconds) * 100,
      fps: decodeAfter.map((after, index) => (after.frames - (decodeBefore[index]?.frames ?? 0)) / seconds / 3),
      widths: decodeAfter.flatMap((reading) => reading.widths),
      seconds,
    };
  } finally {
    await Promise.all(people.map((person) => person.close()));
  }
}

const benchmark: Benchmark = async () => {
  const bench = await startCallBenchStack();
  try {
    const withDynacast = await measureCall(bench.web.url);
    const withoutDynacast = await measureCall((await bench.serveWith({ dynacast: false })).url);
    return {
      figures: [
        { name: 'CPU per participant (mean of the four browsers)', value: withDynacast.cpuPercent / PARTICIPANTS.length, unit: '% of one core', better: 'lower' },
        { name: 'CPU of the whole 4-person call (browsers only)', value: withDynacast.cpuPercent, unit: '% of one core', better: 'lower' },
        { name: 'CPU of the same call with dynacast off', value: withoutDynacast.cpuPercent, unit: '% of one core', better: 'lower' },
        { name: 'CPU with dynacast / without', value: withDynacast.cpuPercent / withoutDynacast.cpuPercent, unit: 'ratio', better: 'lower' },
        { name: 'decode rate per received stream', value: median(withDynacast.fps), unit: 'frames/s', better: 'higher' },
        { name: 'decode rate per received stream with dynacast off', value: median(withoutDynacast.fps), unit: 'frames/s', better: 'higher' },
        { name: 'received frame width', value: median(withDynacast.widths), unit: 'px', better: 'higher' },
      ],
      notes: [
        `${PARTICIPANTS.length} headless Chromium processes on the fake 1280x720 camera, grid layout, ${withDynacast.seconds.toFixed(0)} s measured after everyone decoded everyone, then the same call with dynacast off`,
        `decode fps per participant: ${withDynacast.fps.map((value) => value.toFixed(1)).join(', ')}; dynacast off: ${withoutDynacast.fps.map((value) => value.toFixed(1)).join(', ')}`,
        'each browser encodes its camera and decodes the three others, so the CPU figures are whole clients',
      ],
    };
  } finally {
    await bench.stop();
  }
};

export default benchmark;
