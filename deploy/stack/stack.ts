import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RuntimeConfig } from '../../shared/config/runtime-config.js';
import { startCoturn } from './coturn.js';
import { startJanus } from './janus.js';
import type { ManagedProcess } from './managed-process.js';
import { startSignaling } from './signaling.js';
import type { StackOptions } from './stack-options.js';
import { startTurnCredentialServer } from './turn-credentials.js';

const LOOPBACK = '127.0.0.1';

export interface LocalStack {
  /** What clients of this stack need: ready to hand to the renderer. */
  readonly runtimeConfig: RuntimeConfig;
  readonly runDirectory: string;
  readonly janusAdminUrl: string;
  /** Names and URLs, for printing. */
  readonly endpoints: ReadonlyArray<readonly [string, string]>;
  stop(): Promise<void>;
}

/**
 * Starts Janus, the signaling server and optionally coturn on loopback, each
 * answering before this resolves. If one fails, those already started are
 * stopped before the error propagates.
 */
export async function startStack(options: StackOptions): Promise<LocalStack> {
  const ownsRunDirectory = options.runDirectory === undefined;
  const runDirectory = options.runDirectory ?? (await mkdtemp(path.join(tmpdir(), 'confer-stack-')));
  await mkdir(runDirectory, { recursive: true });
  const processes: ManagedProcess[] = [];
  let credentialServer: Server | null = null;

  const stop = async (): Promise<void> => {
    await Promise.all(processes.map((process) => process.stop()));
    await new Promise<void>((resolve) => (credentialServer ? credentialServer.close(() => resolve()) : resolve()));
    if (ownsRunDirectory) await rm(runDirectory, { recursive: true, force: true });
  };

  try {
    processes.push(
      await startJanus({
        runDirectory,
        wsPort: options.janusPort,
        adminWsPort: options.janusAdminPort,
        adminSecret: options.janusAdminSecret,
        rtpPortRange: options.rtpPortRange,
        ...(options.iceInterface ? { iceEnforceList: options.iceInterface } : {}),
        ...(options.janusLibraryDirectory ? { libraryDirectory: options.janusLibraryDirectory } : {}),
      }),
    );
    processes.push(await startSignaling(runDirectory, options.signalingPort));

    const runtimeConfig: RuntimeConfig = {
      janusUrl: `ws://${LOOPBACK}:${options.janusPort}`,
      signalingUrls: [`ws://${LOOPBACK}:${options.signalingPort}`],
      iceServers: [],
    };
    const endpoints: Array<[string, string]> = [
      ['Janus', runtimeConfig.janusUrl],
      ['Janus admin', `ws://${LOOPBACK}:${options.janusAdminPort}`],
      ['Signaling', runtimeConfig.signalingUrls[0] ?? ''],
    ];
    if (options.turn) {
      processes.push(
        await startCoturn({
          runDirectory,
          port: options.turn.port,
          secret: options.turn.secret,
          relayPortRange: options.turn.relayPortRange,
          address: LOOPBACK,
        }),
      );
      const turnUri = `turn:${LOOPBACK}:${options.turn.port}?transport=udp`;
      credentialServer = await startTurnCredentialServer(options.turn.credentialsPort, options.turn.secret, [turnUri]);
      const turnCredentialsUrl = `http://${LOOPBACK}:${options.turn.credentialsPort}/turn-credentials`;
      endpoints.push(['TURN', turnUri], ['TURN credentials', turnCredentialsUrl]);
      Object.assign(runtimeConfig, { turnCredentialsUrl });
    }
    return { runtimeConfig, runDirectory, janusAdminUrl: `ws://${LOOPBACK}:${options.janusAdminPort}`, endpoints, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
