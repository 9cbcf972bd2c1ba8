import { existsSync } from 'node:fs';
import { copyFile, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { commandExists, startManagedProcess, waitUntilReady, type ManagedProcess } from './managed-process.js';
import { renderTemplate } from './templates.js';

const TEMPLATE_DIR = fileURLToPath(new URL('../janus/', import.meta.url));

/** Where distributions put Janus's plugins and transports; CONFER_JANUS_LIB_DIR overrides. */
const LIBRARY_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/janus',
  '/usr/lib/aarch64-linux-gnu/janus',
  '/usr/lib/janus',
  '/usr/local/lib/janus',
  '/opt/janus/lib/janus',
];

export interface JanusOptions {
  readonly runDirectory: string;
  readonly wsPort: number;
  readonly adminWsPort: number;
  readonly adminSecret: string;
  readonly rtpPortRange: string;
  /** Interfaces Janus may gather ICE candidates on; in a namespace with only `lo`, a veth such as `cf0`. */
  readonly iceEnforceList?: string;
  /** NAT 1:1 address Janus advertises instead of its own, for a relay in front of it. */
  readonly publicAddress?: string;
  readonly libraryDirectory?: string;
  /** A VideoRoom configuration Janus reads unchanged (Debian's stock one, say) instead of Confer's own. */
  readonly videoRoomConfig?: string;
  /** Only requests carrying a token added through the admin API are served. */
  readonly tokenAuth?: boolean;
  /** Only requests carrying this `apisecret` are served. */
  readonly apiSecret?: string;
  /** Set when a control plane fronts this Janus: token_auth on, and rooms only with this VideoRoom admin key. */
  readonly controlPlane?: { readonly videoroomAdminKey: string };
  /**
   * Janus's working folder, where VideoRoom writes its .mjr recordings: rooms are
   * created by clients, so no client-sent `rec_dir` is ever needed (or trusted).
   */
  readonly recordingsDirectory: string;
}

/** The lines added to janus.jcfg's general section for token auth and an API secret. */
export function janusAuthLines(options: Pick<JanusOptions, 'tokenAuth' | 'apiSecret'>): string {
  return [options.tokenAuth ? '\ttoken_auth = true' : '', options.apiSecret ? `\tapi_secret = "${options.apiSecret}"` : ''].filter(Boolean).join('\n');
}

export class JanusNotInstalledError extends Error {
  constructor() {
    super("Janus is not installed. Install Debian's janus package: sudo apt-get install janus");
    this.name = 'JanusNotInstalledError';
  }
}

function findLibraryDirectory(override: string | undefined): string {
  const candidates = override ? [override] : LIBRARY_CANDIDATES;
  const found = candidates.find((directory) => existsSync(path.join(directory, 'plugins', 'libjanus_videoroom.so')));
  if (!found) {
    throw new Error(`Janus's VideoRoom plugin was not found in ${candidates.join(', ')}; set CONFER_JANUS_LIB_DIR to the folder holding plugins/ and transports/`);
  }
  return found;
}

/** Writes a private config folder that loads only the VideoRoom and TextRoom plugins and the WebSocket transport. */
export async function prepareJanusConfig(options: JanusOptions): Promise<string> {
  if (!commandExists('janus')) throw new JanusNotInstalledError();
  const libraries = findLibraryDirectory(options.libraryDirectory);
  const configDirectory = path.join(options.runDirectory, 'janus');
  const plugins = path.join(configDirectory, 'plugins');
  const transports = path.join(configDirectory, 'transports');
  const empty = path.join(configDirectory, 'empty');
  await Promise.all([plugins, transports, empty].map((directory) => mkdir(directory, { recursive: true })));
  // The TextRoom plugin carries waiting rooms; a Janus built without it runs rooms without them.
  for (const plugin of ['libjanus_videoroom.so', 'libjanus_textroom.so'].filter((name) => existsSync(path.join(libraries, 'plugins', name)))) {
    await symlink(path.join(libraries, 'plugins', plugin), path.join(plugins, plugin));
  }
  await symlink(path.join(libraries, 'transports', 'libjanus_websockets.so'), path.join(transports, 'libjanus_websockets.so'));

  const natExtra = [
    options.iceEnforceList ? `\tice_enforce_list = "${options.iceEnforceList}"` : '',
    // Behind an impairment relay Janus advertises only the relay, and as ICE-lite it never
    // probes clients directly, so no media path can bypass the relay.
    options.publicAddress ? `\tnat_1_1_mapping = "${options.publicAddress}"\n\tkeep_private_host = false\n\tice_lite = true` : '',
  ].filter(Boolean).join('\n');
  const control = options.controlPlane;
  const values = {
    CONFIG_DIR: configDirectory,
    PLUGINS_DIR: plugins,
    TRANSPORTS_DIR: transports,
    EMPTY_DIR: empty,
    ADMIN_SECRET: options.adminSecret,
    RTP_PORT_RANGE: options.rtpPortRange,
    NAT_EXTRA: natExtra,
    WS_PORT: String(options.wsPort),
    ADMIN_WS_PORT: String(options.adminWsPort),
    // With a control plane, every request needs a token it added through the admin API (loopback only).
    CORE_EXTRA: janusAuthLines({ tokenAuth: options.tokenAuth === true || control !== undefined, ...(options.apiSecret ? { apiSecret: options.apiSecret } : {}) }),
    VIDEOROOM_GENERAL: control ? `\tstring_ids = false\n\tadmin_key = "${control.videoroomAdminKey}"` : '\tstring_ids = true',
    // The waiting rooms: TextRoom rooms of the same ids as the VideoRoom's.
    TEXTROOM_GENERAL: control ? '\tstring_ids = false' : '\tstring_ids = true',
  };
  for (const file of ['janus.jcfg', 'janus.transport.websockets.jcfg', 'janus.plugin.textroom.jcfg']) {
    await renderTemplate(path.join(TEMPLATE_DIR, file), path.join(configDirectory, file), values);
  }
  const videoRoom = path.join(configDirectory, 'janus.plugin.videoroom.jcfg');
  if (options.videoRoomConfig) await copyFile(options.videoRoomConfig, videoRoom);
  else await renderTemplate(path.join(TEMPLATE_DIR, 'janus.plugin.videoroom.jcfg'), videoRoom, values);
  return configDirectory;
}

/** Asks Janus for `info` over its WebSocket API; true once it answers. */
export function probeJanus(url: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, 'janus-protocol');
    const done = (ready: boolean): void => {
      clearTimeout(timer);
      socket.terminate();
      resolve(ready);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('open', () => socket.send(JSON.stringify({ janus: 'info', transaction: 'probe' })));
    socket.on('message', (data) => done(String(data).includes('"server_info"')));
    socket.on('error', () => done(false));
  });
}

/** Starts Janus on a folder written by prepareJanusConfig and waits until it answers. */
export async function launchJanus(configDirectory: string, options: Pick<JanusOptions, 'runDirectory' | 'wsPort' | 'recordingsDirectory'>): Promise<ManagedProcess> {
  await mkdir(options.recordingsDirectory, { recursive: true });
  const janus = startManagedProcess(
    'Janus',
    'janus',
    ['--configs-folder', configDirectory, '--config', path.join(configDirectory, 'janus.jcfg'), '--disable-colors'],
    { logFile: path.join(options.runDirectory, 'janus.log'), cwd: options.recordingsDirectory },
  );
  await waitUntilReady(janus, () => probeJanus(`ws://127.0.0.1:${options.wsPort}`), 15_000);
  return janus;
}
