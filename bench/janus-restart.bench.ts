// Recovery after a Janus restart: a three-person call on one Janus, Janus
// killed, every participant seen reconnecting, Janus started again; the
// figure is from Janus answering again to the last participant decoding
// both others once more (the whole rejoin: new session, publish, subscribe).
import { loadavg } from 'node:os';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from '../e2e/harness/browser.js';
import { callPhase, decodingNames } from '../e2e/harness/call-page.js';
import { median, type Benchmark } from './harness/bench-result.js';
import { waitFor } from './harness/wait-for.js';
import { startCallBenchStack } from './harness/call-stack.js';

const RUNS = 3;
/** The bound the reconnect work set: media again within 5 s of Janus answering. */
const TARGET_MS = 5000;
const SMALL = { width: 640, height: 400 };
const NAMES = ['Ada', 'Bob', 'Cy'] as const;

/** In call and decoding everyone else: tiles of the old session may show their last frames until the rejoin. */
async function decodesOthers(person: Participant): Promise<boolean> {
  if ((await callPhase(person.page)) !== 'in-call') return false;
  const others = NAMES.filter((name) => name !== person.name).join();
  return (await decodingNames(person.page)).join() === others;
}

const benchmark: Benchmark = async () => {
  const bench = await startCallBenchStack();
  const people = await Promise.all(NAMES.map((name) => launchParticipant(name, SMALL)));
  const room = uniqueRoom('bench-restart');
  const runs: number[] = [];
  const loads: number[] = [];
  try {
    for (const person of people) await person.page.goto(joinUrl(bench.web.url, room, person.name));
    await Promise.all(people.map((person) => waitFor(() => decodesOthers(person), 60_000, `${person.name} decoding the first time`)));
    for (let run = 0; run < RUNS; run += 1) {
      await bench.stack.services.janus.kill();
      await Promise.all(people.map((person) => waitFor(async () => (await callPhase(person.page)) === 'reconnecting', 30_000, `${person.name} reconnecting`)));
      loads.push(loadavg()[0]!);
      await bench.stack.services.janus.start();
      const answeredAt = Date.now();
      // Polled side by side, so each time is when that participant decoded again, not when its turn came.
      const recovered = await Promise.all(
        people.map(async (person) => {
          await waitFor(() => decodesOthers(person), 60_000, `${person.name} decoding after the restart`);
          return Date.now() - answeredAt;
        }),
      );
      runs.push(Math.max(...recovered));
    }
  } finally {
    await Promise.all(people.map((person) => person.close()));
    await bench.stop();
  }
  const value = median(runs);
  return {
    figures: [
      { name: 'Janus answering again after a restart to every participant decoding the others', value, unit: 'ms', better: 'lower', target: { description: `at most ${TARGET_MS} ms`, met: value <= TARGET_MS } },
      { name: '1-minute load average at the restarts (2 cores)', value: median(loads), unit: '', better: 'lower' },
    ],
    notes: [
      `median of ${RUNS} restarts of the only Janus under a three-person call, each the last of the three to decode both others, polled every 100 ms`,
      `runs: ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms; 1-minute load average at each restart: ${loads.map((average) => average.toFixed(1)).join(', ')}`,
    ],
  };
};

export default benchmark;
