import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startStack, type LocalStack } from '../../deploy/stack/stack.js';
import type { RuntimeConfig } from '../../shared/config/runtime-config.js';
import { stackOptionsFromEnv } from '../../deploy/stack/stack-options.js';
import { PROJECT_ROOT, RENDERER_DIRECTORY } from '../../scripts/launch-environment.js';
import { serveWebBuild, type WebServer } from '../../scripts/web-server.js';

export interface TestStack {
  readonly stack: LocalStack;
  /** The web build, served with this stack's configuration. */
  readonly webUrl: string;
}

export interface TestStackOptions {
  /** Also start coturn and its credential endpoint. */
  readonly turn?: boolean;
  /** Settings added to what the served web build is told (a collector URL, a board password…). */
  readonly runtimeConfig?: Partial<RuntimeConfig>;
  /** Extra stack environment, such as CONFER_STACK_JANUS_PUBLIC_ADDRESS for an impairment relay. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A running stack and web build, with the one call that stops both. */
export interface RunningTestStack extends TestStack {
  stop(): Promise<void>;
}

/**
 * Starts a real stack and the web build served with its configuration. Logs
 * go to e2e/artifacts/<label>-<time>/. Used by each test file, and by the
 * screenshot script.
 */
export async function startTestStack(label: string, options: TestStackOptions = {}): Promise<RunningTestStack> {
  const runDirectory = path.join(PROJECT_ROOT, 'e2e/artifacts', `${label}-${Date.now()}`);
  await mkdir(runDirectory, { recursive: true });
  const env = { ...process.env, ...(options.turn ? { CONFER_STACK_TURN: '1' } : {}), ...options.env };
  const stack = await startStack({ ...stackOptionsFromEnv(env), runDirectory });
  let web: WebServer;
  try {
    web = await serveWebBuild(RENDERER_DIRECTORY, { ...stack.runtimeConfig, ...options.runtimeConfig }, 0);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return {
    stack,
    webUrl: web.url,
    async stop() {
      await web.close();
      await stack.stop();
    },
  };
}

/**
 * Starts a real stack and the web build for one test file, and always stops
 * them afterwards. Each file gets its own so a test may kill or restart
 * servers without touching another file. Logs stay in e2e/artifacts/.
 */
export function useTestStack(label: string, options: TestStackOptions = {}): () => TestStack {
  let current: RunningTestStack | null = null;
  beforeAll(async () => {
    current = await startTestStack(label, options);
  });
  afterAll(async () => {
    await current?.stop();
    current = null;
  });
  return () => {
    if (!current) throw new Error('the test stack is only available inside tests');
    return current;
  };
}
