import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import type { RuntimeConfig } from '../../shared/config/runtime-config.js';
import { startCoturn } from './coturn.js';
import { launchJanus, prepareJanusConfig } from './janus.js';
import { restartableService, type StackService } from './service.js';
import { startSignaling } from './signaling.js';
import type { StackOptions } from './stack-options.js';
import { startTurnCredentialServer } from './turn-credentials.js';

const LOOPBACK = '127.0.0.1';

/**
 * Janus does not accept remote candidates on 127.0.0.1 when it is held to
 * another interface (the e2e namespace's veth): coturn must then relay from
 * that interface's address for relayed media to reach Janus.
 */
function ipv4Of(interfaceName: string | undefined): string | undefined {
  if (!interfaceName) return undefined;
  return networkInterfaces()[interfaceName]?.find((address) => address.family === 'IPv4')?.address;
}

export interface LocalStack {
  /** What clients of this stack need: ready to hand to the renderer. */
  readonly runtimeConfig: RuntimeConfig;
  readonly runDirectory: string;
  readonly janusAdminUrl: string;
  /** Names and URLs, for printing. */
  readonly endpoints: ReadonlyArray<readonly [string, string]>;
  /** Each server, to stop, crash or restart on its own. */
  readonly services: { readonly janus: StackService; readonly signaling: StackService; readonly coturn: StackService | null };
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
  const started: StackService[] = [];
  let credentialServer: Server | null = null;

  const stop = async (): Promise<void> => {
    await Promise.all(started.map((service) => service.stop()));
    await new Promise<void>((resolve) => (credentialServer ? credentialServer.close(() => resolve()) : resolve()));
    if (ownsRunDirectory) await rm(runDirectory, { recursive: true, force: true });
  };

  try {
    const janusOptions = {
      runDirectory,
      wsPort: options.janusPort,
      adminWsPort: options.janusAdminPort,
      adminSecret: options.janusAdminSecret,
      rtpPortRange: options.rtpPortRange,
      ...(options.iceInterface ? { iceEnforceList: options.iceInterface } : {}),
      ...(options.janusPublicAddress ? { publicAddress: options.janusPublicAddress } : {}),
      ...(options.janusLibraryDirectory ? { libraryDirectory: options.janusLibraryDirectory } : {}),
      ...(options.janusVideoRoomConfig ? { videoRoomConfig: options.janusVideoRoomConfig } : {}),
      ...(options.janusApiSecret ? { apiSecret: options.janusApiSecret } : {}),
      tokenAuth: options.janusTokenAuth,
    };
    const janusConfig = await prepareJanusConfig(janusOptions);
    const janus = restartableService('Janus', () => launchJanus(janusConfig, janusOptions));
    const signaling = restartableService('Signaling', () => startSignaling(runDirectory, options.signalingPort));
    let coturn: StackService | null = null;
    // Independent servers start side by side; any that came up is stopped if another failed.
    const launches = await Promise.allSettled([janus, signaling].map(async (service) => {
      await service.start();
      started.push(service);
    }));
    const failed = launches.find((launch): launch is PromiseRejectedResult => launch.status === 'rejected');
    if (failed) throw failed.reason;

    const runtimeConfig: RuntimeConfig = {
      janusUrl: `ws://${LOOPBACK}:${options.janusPort}`,
      signalingUrls: [`ws://${LOOPBACK}:${options.signalingPort}`],
      iceServers: [],
      // Clients of a stack with an API secret need it; tokens are per client, added through the admin API.
      ...(options.janusApiSecret ? { janusApiSecret: options.janusApiSecret } : {}),
    };
    const endpoints: Array<[string, string]> = [
      ['Janus', runtimeConfig.janusUrl],
      ['Janus admin', `ws://${LOOPBACK}:${options.janusAdminPort}`],
      ['Signaling', runtimeConfig.signalingUrls[0] ?? ''],
    ];
    if (options.turn) {
      const turn = options.turn;
      coturn = restartableService('coturn', () =>
        startCoturn({
          runDirectory,
          port: turn.port,
          secret: turn.secret,
          relayPortRange: turn.relayPortRange,
          address: LOOPBACK,
          relayAddress: ipv4Of(options.iceInterface) ?? LOOPBACK,
        }),
      );
      await coturn.start();
      started.push(coturn);
      const turnUri = `turn:${LOOPBACK}:${options.turn.port}?transport=udp`;
      credentialServer = await startTurnCredentialServer(options.turn.credentialsPort, options.turn.secret, [turnUri]);
      const turnCredentialsUrl = `http://${LOOPBACK}:${options.turn.credentialsPort}/turn-credentials`;
      endpoints.push(['TURN', turnUri], ['TURN credentials', turnCredentialsUrl]);
      Object.assign(runtimeConfig, { turnCredentialsUrl });
    }
    return {
      runtimeConfig,
      runDirectory,
      janusAdminUrl: `ws://${LOOPBACK}:${options.janusAdminPort}`,
      endpoints,
      services: { janus, signaling, coturn },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
