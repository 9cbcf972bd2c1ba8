// `npm start`: build, make sure servers exist, run the desktop app against them.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { serverEnvOf } from '../shared/config/server-config.js';
import { PROJECT_ROOT, buildApp, prepareServers, stopOnSignals } from './launch-environment.js';

/** The electron package's main export is the path of its binary, downloaded on first use; it throws when that download fails. */
function electronBinary(): string {
  try {
    return createRequire(import.meta.url)('electron') as string;
  } catch (error) {
    throw new Error(`Electron's binary is missing (${(error as Error).message}). Run \`npm install\` with network access, without ELECTRON_SKIP_BINARY_DOWNLOAD.`);
  }
}

async function main(): Promise<void> {
  const binary = electronBinary();
  await buildApp();
  const { config, stack } = await prepareServers(process.env);
  const env: NodeJS.ProcessEnv = { ...process.env, ...serverEnvOf(config) };
  const app = spawn(binary, [PROJECT_ROOT], { stdio: 'inherit', env });
  stopOnSignals(async () => {
    app.kill('SIGTERM');
    await stack?.stop();
  });
  app.on('exit', (code) => {
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(code ?? 0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
