// Runs inside `unshare -n`: brings up loopback and the veth pair Janus needs,
// checks that nothing else exists, then runs the e2e project of Vitest.
import { execFileSync, spawn } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DIRECTORY, PROJECT_ROOT } from '../../scripts/launch-environment.js';
import { JANUS_ICE_INTERFACE, JANUS_ICE_ADDRESS } from './namespace-network.js';


function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'inherit' });
}

ip('link', 'set', 'lo', 'up');
// Janus skips interfaces flagged loopback when it gathers ICE candidates; a
// veth pair that never leaves the namespace gives it an address to offer.
ip('link', 'add', JANUS_ICE_INTERFACE, 'type', 'veth', 'peer', 'name', `${JANUS_ICE_INTERFACE}peer`);
ip('addr', 'add', `${JANUS_ICE_ADDRESS}/32`, 'dev', JANUS_ICE_INTERFACE);
ip('link', 'set', JANUS_ICE_INTERFACE, 'up');
ip('link', 'set', `${JANUS_ICE_INTERFACE}peer`, 'up');

const interfaces = Object.keys(networkInterfaces()).sort();
const expected = ['lo', JANUS_ICE_INTERFACE, `${JANUS_ICE_INTERFACE}peer`];
if (interfaces.some((name) => !expected.includes(name))) {
  console.error(`Refusing to run: the namespace has unexpected interfaces (${interfaces.join(', ')}).`);
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
