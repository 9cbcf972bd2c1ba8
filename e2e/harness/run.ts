// `npm run test:e2e`: builds the app, then runs the end-to-end suites inside
// a private network namespace that has only loopback. Arguments are passed
// to Vitest (a file filter, for example).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../scripts/launch-environment.js';
import { missingRequirements } from './requirements.js';

const IN_NAMESPACE = fileURLToPath(new URL('./in-namespace.ts', import.meta.url));

async function main(): Promise<number> {
  const problems = missingRequirements();
  if (problems.length > 0) {
    console.error('The end-to-end suite cannot run on this machine:');
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  await buildApp();
  const child = spawn('unshare', ['-n', '--', process.execPath, '--import', 'tsx', IN_NAMESPACE, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
