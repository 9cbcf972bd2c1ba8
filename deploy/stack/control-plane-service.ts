import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { controlEnvOf, type ControlConfig } from '../control/control-config.js';
import { startManagedProcess, waitUntilReady, type ManagedProcess } from './managed-process.js';

const CLI = fileURLToPath(new URL('../control/cli.ts', import.meta.url));
/** Where `--import tsx` resolves from, whatever the caller's working folder. */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function probeHealth(url: string): Promise<boolean> {
  const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
  return response.ok;
}

/**
 * One control-plane process, as a deployment would run several: its own
 * process with its configuration in the environment. `label` names its log
 * file, so a second process beside the stack's keeps its own.
 */
export async function launchControlPlane(runDirectory: string, config: ControlConfig, label = 'control-plane'): Promise<ManagedProcess> {
  const env = { ...process.env, ...controlEnvOf(config) };
  const plane = startManagedProcess('Control plane', process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    logFile: path.join(runDirectory, `${label}.log`),
    env,
    cwd: PROJECT_ROOT,
  });
  await waitUntilReady(plane, () => probeHealth(`http://${config.host}:${config.port}`), 15_000);
  return plane;
}
