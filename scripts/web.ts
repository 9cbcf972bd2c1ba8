// `npm run web`: build, make sure servers exist, serve the renderer for a browser.
import { z } from 'zod';
import { RENDERER_DIRECTORY, buildApp, demoRoomPin, prepareServers, stopOnSignals } from './launch-environment.js';
import { serveWebBuild } from './web-server.js';

const port = z.coerce.number().int().min(0).max(65535).parse(process.env.CONFER_WEB_PORT ?? 5173);

async function main(): Promise<void> {
  await buildApp();
  const { config, stack } = await prepareServers(process.env);
  const server = await serveWebBuild(RENDERER_DIRECTORY, config, port);
  console.log(`\nConfer web build: ${server.url}`);
  const pin = demoRoomPin(stack);
  console.log(`Join directly:    ${server.url}?room=demo&name=Ada&join=1${pin ? `&pin=${pin}` : ''}`);
  stopOnSignals(async () => {
    await server.close();
    await stack?.stop();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
