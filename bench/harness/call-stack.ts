import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RuntimeConfig } from '../../shared/config/runtime-config.js';
import { startStack, type LocalStack } from '../../deploy/stack/stack.js';
import { stackOptionsFromEnv } from '../../deploy/stack/stack-options.js';
import { RENDERER_DIRECTORY } from '../../scripts/launch-environment.js';
import { serveWebBuild, type WebServer } from '../../scripts/web-server.js';

export interface CallBenchStack {
  readonly stack: LocalStack;
  readonly web: WebServer;
  /** The same web app served against the same stack with settings changed, closed with the stack. */
  serveWith(change: Partial<RuntimeConfig>): Promise<WebServer>;
  stop(): Promise<void>;
}

/** A local stack and the built web app served against it, for the call benchmarks. */
export async function startCallBenchStack(): Promise<CallBenchStack> {
  const runDirectory = await mkdtemp(path.join(tmpdir(), 'confer-bench-calls-'));
  const stack = await startStack({ ...stackOptionsFromEnv(process.env), runDirectory });
  const web = await serveWebBuild(RENDERER_DIRECTORY, stack.runtimeConfig, 0).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  const more: WebServer[] = [];
  return {
    stack,
    web,
    async serveWith(change) {
      const served = await serveWebBuild(RENDERER_DIRECTORY, { ...stack.runtimeConfig, ...change }, 0);
      more.push(served);
      return served;
    },
    async stop() {
      await Promise.all(more.map((served) => served.close()));
      await web.close();
      await stack.stop();
      await rm(runDirectory, { recursive: true, force: true });
    },
  };
}

/** In the page: resolves once a video element matching the selector shows a decoded frame. */
export function firstFrameScript(selector: string): string {
  return `new Promise((resolve) => {
  const check = () => {
    const video = document.querySelector(${JSON.stringify(selector)});
    if (video && video.videoWidth > 0) resolve(performance.now());
    else setTimeout(check, 2);
  };
  check();
})`;
}

/** In the page: clicks the element matching the selector and resolves with the time of the click, taken as it is dispatched. */
export function clickTimeScript(selector: string): string {
  return `new Promise((resolve) => {
  const button = document.querySelector(${JSON.stringify(selector)});
  button.addEventListener('click', () => resolve(performance.now()), { capture: true, once: true });
  button.click();
})`;
}
