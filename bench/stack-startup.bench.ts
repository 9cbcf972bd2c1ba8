// How long the local stack takes to answer, and Janus alone as its floor:
// this bounds how fast `npm start`, each e2e file and a Janus restart can be.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchJanus, prepareJanusConfig } from '../deploy/stack/janus.js';
import { startStack } from '../deploy/stack/stack.js';
import { stackOptionsFromEnv } from '../deploy/stack/stack-options.js';
import { median, type Benchmark } from './harness/bench-result.js';

const RUNS = 5;

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

const benchmark: Benchmark = async () => {
  const options = stackOptionsFromEnv(process.env);
  const stackTimes: number[] = [];
  const janusTimes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    let stack: Awaited<ReturnType<typeof startStack>> | null = null;
    stackTimes.push(await timed(async () => (stack = await startStack(options))));
    await stack!.stop();

    const runDirectory = await mkdtemp(path.join(tmpdir(), 'confer-bench-janus-'));
    const janusOptions = { runDirectory, wsPort: options.janusPort, adminWsPort: options.janusAdminPort, adminSecret: options.janusAdminSecret, rtpPortRange: options.rtpPortRange, recordingsDirectory: path.join(runDirectory, 'recordings') };
    const config = await prepareJanusConfig(janusOptions);
    let janus: Awaited<ReturnType<typeof launchJanus>> | null = null;
    janusTimes.push(await timed(async () => (janus = await launchJanus(config, janusOptions))));
    await janus!.stop();
    await rm(runDirectory, { recursive: true, force: true });
  }
  const stackMedian = median(stackTimes);
  const janusMedian = median(janusTimes);
  return {
    figures: [
      {
        name: 'local stack ready (Janus + signaling)',
        value: stackMedian,
        unit: 'ms',
        better: 'lower',
        reference: { name: 'Janus alone ready', value: janusMedian },
      },
    ],
    notes: [`median of ${RUNS} cold starts each; readiness is Janus answering "info" and the signaling server answering HTTP`],
  };
};

export default benchmark;
