// How many join answers one control-plane process (one Node thread, so one
// core) gives per second against a real Janus, and how long one join takes
// in it. The HTTP floor is the same process answering GET /health. Besides
// wall-clock rates, the process's own CPU time per answer (from /proc) gives
// answers per CPU-second: what one core sustains, whatever else the machine runs.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { roomCredentials } from '../deploy/control/room-credentials.js';
import { launchControlPlane } from '../deploy/stack/control-plane-service.js';
import { startStack } from '../deploy/stack/stack.js';
import { stackOptionsFromEnv } from '../deploy/stack/stack-options.js';
import { median, percentile, type Benchmark } from './harness/bench-result.js';

/** Enough requests in flight to keep one Node thread busy; more only queues. */
const CONCURRENCY = 16;
const THROUGHPUT_REQUESTS = 2000;
const LATENCY_REQUESTS = 300;
const ROOMS = Array.from({ length: 20 }, (_, index) => `bench-room-${index}`);

type Request = () => Promise<Response>;

/** Clock ticks per second in /proc/<pid>/stat: 100 on Linux (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** User plus system CPU seconds a process has used so far. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Runs the load and also reports the control-plane process's CPU seconds spent on it. */
async function measured(pid: number, count: number, concurrency: number, send: Request): Promise<{ durations: number[]; totalMs: number; cpuSeconds: number }> {
  const before = await cpuSeconds(pid);
  const run = await load(count, concurrency, send);
  return { ...run, cpuSeconds: (await cpuSeconds(pid)) - before };
}

/** Runs `count` requests with `concurrency` in flight; resolves with each one's duration in ms and the total. */
async function load(count: number, concurrency: number, send: Request): Promise<{ durations: number[]; totalMs: number }> {
  const durations: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        const begun = performance.now();
        const response = await send();
        await response.arrayBuffer();
        durations.push(performance.now() - begun);
      }
    }),
  );
  return { durations, totalMs: performance.now() - start };
}

const benchmark: Benchmark = async () => {
  const runDirectory = await mkdtemp(path.join(tmpdir(), 'control-bench-'));
  const options = { ...stackOptionsFromEnv({ ...process.env, CONFER_STACK_CONTROL: '1', CONFER_STACK_TURN: '1' }), runDirectory };
  const stack = await startStack(options);
  const control = stack.controlConfig!;
  // A process of its own without the per-address limit, which would otherwise refuse the load after ten requests.
  const config = { ...control, port: control.port + 300, rateLimit: { burst: 1e9, perMinute: 1e9 }, auditFile: path.join(runDirectory, 'bench-audit.jsonl') };
  const plane = await launchControlPlane(runDirectory, config, 'control-plane-bench');
  const url = `http://127.0.0.1:${config.port}`;
  try {
    let counter = 0;
    const post = (body: unknown): Promise<Response> => fetch(`${url}/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const rightPin: Request = () => {
      const room = ROOMS[(counter += 1) % ROOMS.length]!;
      return post({ room, pin: roomCredentials(control.secret, room).pin });
    };
    const wrongPin: Request = () => post({ room: ROOMS[0], pin: '000000000000' });
    const health: Request = () => fetch(`${url}/health`);

    for (const room of ROOMS) await (await post({ room, pin: roomCredentials(control.secret, room).pin })).arrayBuffer();
    // Warm every path first, so the first measured figure does not pay for the JIT.
    for (const send of [health, rightPin, wrongPin]) await load(300, CONCURRENCY, send);
    const pid = plane.child.pid!;
    const floor = await measured(pid, THROUGHPUT_REQUESTS, CONCURRENCY, health);
    const admitted = await measured(pid, THROUGHPUT_REQUESTS, CONCURRENCY, rightPin);
    const refused = await measured(pid, THROUGHPUT_REQUESTS, CONCURRENCY, wrongPin);
    const single = await load(LATENCY_REQUESTS, 1, rightPin);
    const perSecond = (run: { totalMs: number }): number => (THROUGHPUT_REQUESTS / run.totalMs) * 1000;
    const perCpuSecond = (run: { cpuSeconds: number }): number => THROUGHPUT_REQUESTS / run.cpuSeconds;
    return {
      figures: [
        { name: 'admitted joins per CPU-second of the control-plane process', value: perCpuSecond(admitted), unit: 'joins/s', better: 'higher', reference: { name: 'GET /health per CPU-second, same process', value: perCpuSecond(floor) } },
        { name: 'refused joins (wrong PIN) per CPU-second of the control-plane process', value: perCpuSecond(refused), unit: 'joins/s', better: 'higher', reference: { name: 'GET /health per CPU-second, same process', value: perCpuSecond(floor) } },
        { name: 'admitted joins per second (wall clock), one process', value: perSecond(admitted), unit: 'joins/s', better: 'higher', reference: { name: 'GET /health per second, same process', value: perSecond(floor) } },
        { name: 'refused joins (wrong PIN) per second (wall clock), one process', value: perSecond(refused), unit: 'joins/s', better: 'higher', reference: { name: 'GET /health per second, same process', value: perSecond(floor) } },
        { name: 'one join, alone, median', value: median(single.durations), unit: 'ms', better: 'lower' },
        { name: 'one join, alone, p95', value: percentile(single.durations, 95), unit: 'ms', better: 'lower' },
        { name: `one join under load (${CONCURRENCY} in flight), median`, value: median(admitted.durations), unit: 'ms', better: 'lower' },
        { name: `one join under load (${CONCURRENCY} in flight), p95`, value: percentile(admitted.durations, 95), unit: 'ms', better: 'lower' },
      ],
      notes: [
        `${THROUGHPUT_REQUESTS} requests per figure with ${CONCURRENCY} in flight, from the benchmark process on the same 2-core machine; the load generator shares the cores`,
        `an admitted join asks Janus whether the room exists and adds a token through the admin API; ${ROOMS.length} rooms, created before measuring`,
      ],
    };
  } finally {
    await plane.stop();
    await stack.stop();
    await rm(runDirectory, { recursive: true, force: true });
  }
};

export default benchmark;
