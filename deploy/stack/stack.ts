import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { homedir, networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import type { RuntimeConfig } from '../../shared/config/runtime-config.js';
import { controlConfigFromEnv, type ControlConfig } from '../control/control-config.js';
import { launchControlPlane } from './control-plane-service.js';
import { connectJanusRooms } from '../recording/janus-rooms.js';
import { RecordingWatcher } from '../recording/recording-watcher.js';
import { portOf, startRecordingsServer } from '../recording/recordings-server.js';
import { startCoturn } from './coturn.js';
import { launchJanus, prepareJanusConfig } from './janus.js';
import { restartableService, type StackService } from './service.js';
import { startSignaling } from './signaling.js';
import type { StackOptions } from './stack-options.js';
import { startOpenTurnCredentialServer } from './open-turn-credentials.js';

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

/** The control plane of a local stack: its one Janus, its coturn, and an audit file among the logs. */
function stackControlConfig(options: StackOptions, runDirectory: string): ControlConfig | null {
  if (!options.control) return null;
  const node = { url: `ws://${LOOPBACK}:${options.janusPort}`, adminUrl: `ws://${LOOPBACK}:${options.janusAdminPort}`, adminSecret: options.janusAdminSecret };
  return controlConfigFromEnv({
    ...options.control.settings,
    CONFER_CONTROL_SECRET: options.control.secret,
    CONFER_CONTROL_ADMIN_KEY: options.control.adminKey,
    CONFER_CONTROL_NODES: JSON.stringify([node]),
    CONFER_CONTROL_PORT: String(options.control.port),
    CONFER_CONTROL_AUDIT_FILE: path.join(runDirectory, 'control-audit.jsonl'),
    ...(options.turn ? { CONFER_CONTROL_TURN_SECRET: options.turn.secret, CONFER_CONTROL_TURN_URIS: `turn:${LOOPBACK}:${options.turn.port}?transport=udp` } : {}),
  });
}

/**
 * Recordings outlive the stack: a run in a folder of its own keeps them there
 * (tests, `CONFER_STACK_RUN_DIR`); otherwise they go to the user's data folder,
 * since the temporary run folder is deleted when the stack stops.
 */
function defaultRecordingsDirectory(runDirectory: string | undefined): string {
  if (runDirectory) return path.join(runDirectory, 'recordings');
  return path.join(process.env.XDG_DATA_HOME || path.join(homedir(), '.local', 'share'), 'confer', 'recordings');
}

export interface LocalStack {
  /** What clients of this stack need: ready to hand to the renderer. */
  readonly runtimeConfig: RuntimeConfig;
  readonly runDirectory: string;
  /** Janus's .mjr files and the processed recordings, `<room>/<id>/`. */
  readonly recordingsDirectory: string;
  readonly janusAdminUrl: string;
  /** The admin API's secret: the stack's own tools (recording) and tests talk to Janus through it. */
  readonly janusAdminSecret: string;
  /** Where clients ask to join, when the control plane is on (CONFER_STACK_CONTROL=1). */
  readonly controlPlaneUrl: string | null;
  /** The control plane's configuration, to start more processes of it beside the stack's. */
  readonly controlConfig: ControlConfig | null;
  /** Names and URLs, for printing. */
  readonly endpoints: ReadonlyArray<readonly [string, string]>;
  /** Each server, to stop, crash or restart on its own. */
  readonly services: { readonly janus: StackService; readonly signaling: StackService; readonly coturn: StackService | null; readonly controlPlane: StackService | null };
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
  const recordingsDirectory = options.recordingsDirectory ?? defaultRecordingsDirectory(options.runDirectory);
  const started: StackService[] = [];
  let credentialServer: Server | null = null;
  let recordingsServer: Server | null = null;
  let watcher: RecordingWatcher | null = null;
  // Open keep-alive connections (a player seeking a recording) would hold a plain close() open.
  const close = (server: Server | null) =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const stop = async (): Promise<void> => {
    // The servers stop at once; the watcher finishes the recording it is processing (ffmpeg needs no server) meanwhile.
    await Promise.all([watcher?.stop(), ...started.map((service) => service.stop()), close(credentialServer), close(recordingsServer)]);
    if (ownsRunDirectory) await rm(runDirectory, { recursive: true, force: true });
  };

  try {
    const janusOptions = {
      runDirectory,
      wsPort: options.janusPort,
      adminWsPort: options.janusAdminPort,
      adminSecret: options.janusAdminSecret,
      rtpPortRange: options.rtpPortRange,
      recordingsDirectory,
      ...(options.iceInterface ? { iceEnforceList: options.iceInterface } : {}),
      ...(options.janusPublicAddress ? { publicAddress: options.janusPublicAddress } : {}),
      ...(options.janusLibraryDirectory ? { libraryDirectory: options.janusLibraryDirectory } : {}),
      ...(options.janusVideoRoomConfig ? { videoRoomConfig: options.janusVideoRoomConfig } : {}),
      ...(options.janusApiSecret ? { apiSecret: options.janusApiSecret } : {}),
      tokenAuth: options.janusTokenAuth,
      ...(options.control ? { controlPlane: { videoroomAdminKey: options.control.adminKey } } : {}),
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

    const janusUrl = `ws://${LOOPBACK}:${options.janusPort}`;
    const janusAdminUrl = `ws://${LOOPBACK}:${options.janusAdminPort}`;
    const recordingLog = path.join(runDirectory, 'recording.log');
    watcher = new RecordingWatcher({ recordingsDirectory, connect: () => connectJanusRooms(janusAdminUrl, options.janusAdminSecret), logFile: recordingLog });
    watcher.start();
    const watching = watcher;
    recordingsServer = await startRecordingsServer(options.recordingsPort, recordingsDirectory, (room) => watching.status(room));
    const runtimeConfig: RuntimeConfig = {
      janusUrl,
      signalingUrls: [`ws://${LOOPBACK}:${options.signalingPort}`],
      iceServers: [],
      recordingsUrl: `http://${LOOPBACK}:${portOf(recordingsServer)}`,
      // Clients of a stack with an API secret need it; tokens are per client, added through the admin API.
      ...(options.janusApiSecret ? { janusApiSecret: options.janusApiSecret } : {}),
    };
    const endpoints: Array<[string, string]> = [
      ['Janus', runtimeConfig.janusUrl],
      ['Janus admin', `ws://${LOOPBACK}:${options.janusAdminPort}`],
      ['Signaling', runtimeConfig.signalingUrls[0] ?? ''],
      ['Recordings', `${runtimeConfig.recordingsUrl ?? ''}/recordings/<room>`],
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
      endpoints.push(['TURN', turnUri]);
      // With the control plane, TURN credentials come only with an admission: no open endpoint.
      if (!options.control) {
        credentialServer = await startOpenTurnCredentialServer(options.turn.credentialsPort, options.turn.secret, [turnUri]);
        const turnCredentialsUrl = `http://${LOOPBACK}:${options.turn.credentialsPort}/turn-credentials`;
        endpoints.push(['TURN credentials', turnCredentialsUrl]);
        Object.assign(runtimeConfig, { turnCredentialsUrl });
      }
    }
    const controlConfig = options.control ? stackControlConfig(options, runDirectory) : null;
    let controlPlane: StackService | null = null;
    if (controlConfig) {
      controlPlane = restartableService('Control plane', () => launchControlPlane(runDirectory, controlConfig));
      await controlPlane.start();
      started.push(controlPlane);
      endpoints.push(['Control plane', `http://${LOOPBACK}:${controlConfig.port}`]);
      // The app joins through it: Janus under token_auth lets in nobody else.
      Object.assign(runtimeConfig, { controlPlaneUrl: `http://${LOOPBACK}:${controlConfig.port}` });
    }
    return {
      runtimeConfig,
      runDirectory,
      recordingsDirectory,
      janusAdminUrl,
      janusAdminSecret: options.janusAdminSecret,
      controlPlaneUrl: controlConfig ? `http://${LOOPBACK}:${controlConfig.port}` : null,
      controlConfig,
      endpoints,
      services: { janus, signaling, coturn, controlPlane },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
