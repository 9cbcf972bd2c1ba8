// `npm run bench`: builds the app, then runs the benchmarks inside a private
// network namespace with only loopback, like the end-to-end suite.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { missingRequirements } from '../e2e/harness/requirements.js';
import { buildApp } from '../scripts/launch-environment.js';

const BENCHMARKS = [fileURLToPath(new URL('./board-bench.ts', import.meta.url))];

function runInNamespace(script: string): Promise<number> {
  const child = spawn('unshare', ['-n', '--', process.execPath, '--import', 'tsx', script], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<number> {
  const problems = missingRequirements();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  await buildApp();
  for (const benchmark of BENCHMARKS) {
    const code = await runInNamespace(benchmark);
    if (code !== 0) return code;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
