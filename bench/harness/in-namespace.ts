// Runs inside `unshare -n`: each benchmark in turn, then the report.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { JANUS_ICE_INTERFACE, setUpNamespaceNetwork } from '../../e2e/harness/namespace-network.js';
import type { Benchmark, BenchSuiteResult } from './bench-result.js';
import { renderReport } from './report.js';

const BENCH_DIRECTORY = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIRECTORY = path.join(BENCH_DIRECTORY, 'results');

async function main(filters: readonly string[]): Promise<number> {
  setUpNamespaceNetwork();
  process.env.CONFER_STACK_ICE_INTERFACE = JANUS_ICE_INTERFACE;
  await mkdir(RESULTS_DIRECTORY, { recursive: true });
  const files = (await readdir(BENCH_DIRECTORY))
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
    .sort();
  if (files.length === 0) {
    console.error(`No benchmark matches ${filters.join(', ')}`);
    return 1;
  }
  const machine = { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const results: BenchSuiteResult[] = [];
  let failures = 0;
  for (const file of files) {
    const suite = file.replace(/\.bench\.ts$/, '');
    console.log(`\n=== ${suite} ===`);
    try {
      const benchmark = (await import(pathToFileURL(path.join(BENCH_DIRECTORY, file)).href)).default as Benchmark;
      const { figures, notes = [] } = await benchmark();
      const result: BenchSuiteResult = { suite, measuredAt: new Date().toISOString(), machine, figures, notes };
      for (const figure of figures) {
        const reference = figure.reference ? `  (${figure.reference.name}: ${figure.reference.value.toFixed(2)})` : '';
        const target = figure.target ? `  [${figure.target.met ? 'met' : 'NOT MET'}: ${figure.target.description}]` : '';
        console.log(`${figure.name}: ${figure.value.toFixed(2)} ${figure.unit}${reference}${target}`);
      }
      await writeFile(path.join(RESULTS_DIRECTORY, `${suite}.json`), `${JSON.stringify(result, null, 2)}\n`);
      results.push(result);
    } catch (error) {
      failures += 1;
      console.error(`${suite} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const { markdown, charts } = renderReport(results);
  await writeFile(path.join(RESULTS_DIRECTORY, 'report.md'), markdown);
  for (const [file, svg] of charts) await writeFile(path.join(RESULTS_DIRECTORY, file), svg);
  console.log(`\nReport: ${path.join(RESULTS_DIRECTORY, 'report.md')}`);
  return failures > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
