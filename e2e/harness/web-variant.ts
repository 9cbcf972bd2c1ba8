import { afterAll, beforeAll } from 'vitest';
import type { RuntimeConfig } from '../../shared/config/runtime-config.js';
import { RENDERER_DIRECTORY } from '../../scripts/launch-environment.js';
import { serveWebBuild, type WebServer } from '../../scripts/web-server.js';
import type { TestStack } from './test-stack.js';

/**
 * Serves the web build a second time with a changed configuration (relay
 * only, for one), beside the test stack's own server. Call after
 * useTestStack so the stack is up first.
 */
export function useWebVariant(testStack: () => TestStack, change: (config: RuntimeConfig) => RuntimeConfig): () => string {
  let web: WebServer | null = null;
  beforeAll(async () => {
    web = await serveWebBuild(RENDERER_DIRECTORY, change(testStack().stack.runtimeConfig), 0);
  });
  afterAll(async () => {
    await web?.close();
    web = null;
  });
  return () => {
    if (!web) throw new Error('the web variant is only available inside tests');
    return web.url;
  };
}
