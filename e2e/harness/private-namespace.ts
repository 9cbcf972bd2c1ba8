import { spawn } from 'node:child_process';
import { buildApp } from '../../scripts/launch-environment.js';
import { missingRequirements } from './requirements.js';

/**
 * Builds the app, then runs `script` (a TypeScript file) inside `unshare -n`.
 * Resolves with its exit code; fails loudly when the machine lacks what the
 * namespace needs.
 */
export async function runInPrivateNamespace(script: string, args: readonly string[]): Promise<number> {
  const problems = missingRequirements();
  if (problems.length > 0) {
    console.error('The end-to-end suite cannot run on this machine:');
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  await buildApp();
  const child = spawn('unshare', ['-n', '--', process.execPath, '--import', 'tsx', script, ...args], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** Entry-point glue: exit with the code, or print the error and exit 1. */
export function exitWith(run: Promise<number>): void {
  run.then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
