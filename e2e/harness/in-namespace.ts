// Runs inside `unshare -n`: sets up the namespace's network, then runs the
// e2e project of Vitest.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DIRECTORY, PROJECT_ROOT } from '../../scripts/launch-environment.js';
import { JANUS_ICE_INTERFACE, setUpNamespaceNetwork } from './namespace-network.js';

try {
  setUpNamespaceNetwork();
} catch (error) {
  console.error(`Refusing to run: ${(error as Error).message}`);
  process.exit(1);
}

const vitest = spawn(
  process.execPath,
  [
    fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url)),
    'run',
    '--project',
    'e2e',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(BUILD_DIRECTORY, 'test-results/e2e.json')}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: PROJECT_ROOT, env: { ...process.env, CONFER_STACK_ICE_INTERFACE: JANUS_ICE_INTERFACE } },
);
vitest.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
