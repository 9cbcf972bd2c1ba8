import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startManagedProcess, waitUntilReady, type ManagedProcess } from './managed-process.js';

const LAUNCHER = fileURLToPath(new URL('../signaling/loopback-signaling.mjs', import.meta.url));

async function probeSignaling(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/`);
  return response.ok && (await response.text()) === 'okay';
}

/** y-webrtc's own signaling server, bound to 127.0.0.1. */
export async function startSignaling(runDirectory: string, port: number): Promise<ManagedProcess> {
  const signaling = startManagedProcess('Signaling', process.execPath, [LAUNCHER], {
    logFile: path.join(runDirectory, 'signaling.log'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
  });
  await waitUntilReady(signaling, () => probeSignaling(port), 10_000);
  return signaling;
}
