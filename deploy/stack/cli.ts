// `npm run stack`: the local servers in the foreground until Ctrl-C or until
// the process that started us goes away.
import { startStack } from './stack.js';
import { stackOptionsFromEnv } from './stack-options.js';
import { stopWithParent } from './parent-watch.js';

async function main(): Promise<void> {
  const stack = await startStack(stackOptionsFromEnv(process.env));
  console.log('Confer local stack is up:');
  for (const [name, url] of stack.endpoints) console.log(`  ${name.padEnd(18)} ${url}`);
  console.log(`  Logs               ${stack.runDirectory}`);
  console.log('Press Ctrl-C to stop.');
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGHUP', () => void shutdown());
  stopWithParent(() => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
