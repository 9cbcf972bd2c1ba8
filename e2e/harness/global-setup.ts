import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startStack } from '../../deploy/stack/stack.js';
import { stackOptionsFromEnv } from '../../deploy/stack/stack-options.js';
import { serveWebBuild } from '../../scripts/web-server.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** The web build, served with the stack's configuration. */
    webUrl: string;
    janusUrl: string;
    signalingUrl: string;
    /** Where the stack's logs are kept after the run. */
    stackLogs: string;
  }
}

/** Starts the real stack and the web build once for the whole e2e run; always stops them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDirectory = path.join(PROJECT_ROOT, 'e2e/artifacts', `stack-${Date.now()}`);
  await mkdir(runDirectory, { recursive: true });
  const stack = await startStack({ ...stackOptionsFromEnv(process.env), runDirectory });
  try {
    const web = await serveWebBuild(path.join(PROJECT_ROOT, 'out/renderer'), stack.runtimeConfig, 0);
    project.provide('webUrl', web.url);
    project.provide('janusUrl', stack.runtimeConfig.janusUrl);
    project.provide('signalingUrl', stack.runtimeConfig.signalingUrls[0] ?? '');
    project.provide('stackLogs', runDirectory);
    return async () => {
      await web.close();
      await stack.stop();
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
