import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuntimeConfig } from '../shared/config/runtime-config.js';
import { loadServerConfig } from '../electron/main/config/server-config-source.js';
import { defaultSettingsPath } from '../electron/main/config/settings-location.js';
import { roomCredentials } from '../deploy/control/room-credentials.js';
import { startStack, type LocalStack } from '../deploy/stack/stack.js';
import { stackOptionsFromEnv } from '../deploy/stack/stack-options.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where electron-vite writes main/, preload/ and renderer/ (see electron.vite.config.ts). */
export const BUILD_DIRECTORY = path.resolve(PROJECT_ROOT, process.env.CONFER_BUILD_DIR ?? 'out');
export const RENDERER_DIRECTORY = path.join(BUILD_DIRECTORY, 'renderer');

export interface LaunchEnvironment {
  readonly config: RuntimeConfig;
  /** The embedded stack, when no servers were configured. */
  readonly stack: LocalStack | null;
}

/** Configured servers if there are any; otherwise the local stack, started here. */
export async function prepareServers(env: NodeJS.ProcessEnv): Promise<LaunchEnvironment> {
  const resolution = await loadServerConfig(env, defaultSettingsPath(env));
  if (resolution.kind === 'invalid') {
    throw new Error(`Invalid server configuration (${resolution.settingsPath}):\n  ${resolution.problems.join('\n  ')}`);
  }
  if (resolution.kind === 'configured') return { config: resolution.config, stack: null };
  console.log('No servers configured: starting the local stack.');
  const stack = await startStack(stackOptionsFromEnv(env));
  for (const [name, url] of stack.endpoints) console.log(`  ${name.padEnd(18)} ${url}`);
  const demoPin = demoRoomPin(stack);
  if (demoPin) console.log(`  ${'Room "demo" PIN'.padEnd(18)} ${demoPin} (other rooms: deploy/control/cli.ts pin <room>)`);
  return { config: stack.runtimeConfig, stack };
}

/** With the control plane on, rooms need their PIN: the demo room's, to try it at once. */
export function demoRoomPin(stack: LocalStack | null): string | null {
  return stack?.controlConfig ? roomCredentials(stack.controlConfig.secret, 'demo').pin : null;
}

/** Builds main, preload and renderer with electron-vite. */
export function buildApp(): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = spawn(process.execPath, [fileURLToPath(new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url)), 'build'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build failed (exit code ${code})`))));
  });
}

/** Stops `stack` on Ctrl-C, SIGTERM and when the terminal goes away, then exits. */
export function stopOnSignals(cleanup: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    void cleanup().finally(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
}
