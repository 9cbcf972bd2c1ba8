import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchJanus, prepareJanusConfig } from '../../deploy/stack/janus.js';
import { restartableService, type StackService } from '../../deploy/stack/service.js';
import { stackOptionsFromEnv } from '../../deploy/stack/stack-options.js';
import { videoRoomDisplays } from './janus-api.js';
import { startTestStack, type RunningTestStack } from './test-stack.js';

/** How far apart the nodes' ports are, beside the stack's own Janus. */
const PORT_STEP = 100;

/** Several real Janus nodes and the web build configured with all of them as `janusNodes`. */
export interface JanusCluster {
  readonly test: RunningTestStack;
  /** The nodes' WebSocket URLs; the first is the stack's own Janus. */
  readonly urls: readonly string[];
  /** A node, to crash with `kill` (SIGKILL) and start again with the same configuration. */
  node(url: string): StackService;
  /** A node's admin API: its URL and secret. */
  admin(url: string): { readonly url: string; readonly secret: string };
  /** The nodes whose VideoRoom lists participants in this room, as Janus itself says. */
  holding(room: string): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Starts the test stack (its Janus is the first node) and `count - 1` more
 * Janus processes with the same configuration and their own ports, each
 * gathering candidates on the namespace's interface so browsers reach it.
 */
export async function startJanusCluster(label: string, count: number): Promise<JanusCluster> {
  const base = stackOptionsFromEnv(process.env);
  const urls = Array.from({ length: count }, (_, index) => `ws://127.0.0.1:${base.janusPort + index * PORT_STEP}`);
  const test = await startTestStack(label, { runtimeConfig: { janusNodes: urls } });
  const services = new Map<string, StackService>([[urls[0]!, test.stack.services.janus]]);
  const admins = new Map<string, { url: string; secret: string }>([[urls[0]!, { url: test.stack.janusAdminUrl, secret: test.stack.janusAdminSecret }]]);
  try {
    for (let index = 1; index < count; index += 1) {
      const offset = index * PORT_STEP;
      const runDirectory = path.join(test.stack.runDirectory, `janus-node-${index + 1}`);
      await mkdir(runDirectory, { recursive: true });
      const options = {
        runDirectory,
        wsPort: base.janusPort + offset,
        adminWsPort: base.janusAdminPort + offset,
        adminSecret: randomBytes(18).toString('base64url'),
        rtpPortRange: `${33000 + offset * 10}-${33099 + offset * 10}`,
        recordingsDirectory: path.join(runDirectory, 'recordings'),
        ...(base.iceInterface ? { iceEnforceList: base.iceInterface } : {}),
      };
      const configDirectory = await prepareJanusConfig(options);
      const service = restartableService(`Janus node ${index + 1}`, () => launchJanus(configDirectory, options));
      await service.start();
      services.set(urls[index]!, service);
      admins.set(urls[index]!, { url: `ws://127.0.0.1:${options.adminWsPort}`, secret: options.adminSecret });
    }
  } catch (error) {
    await Promise.all([...services.values()].map((service) => service.stop()));
    await test.stop();
    throw error;
  }
  return {
    test,
    urls,
    node(url) {
      const service = services.get(url);
      if (!service) throw new Error(`no node ${url}`);
      return service;
    },
    admin(url) {
      const admin = admins.get(url);
      if (!admin) throw new Error(`no node ${url}`);
      return admin;
    },
    async holding(room) {
      const listed = await Promise.all(urls.map(async (url) => (services.get(url)?.running ? (await videoRoomDisplays(url, room).catch(() => [])).length > 0 : false)));
      return urls.filter((_, index) => listed[index]);
    },
    async stop() {
      await Promise.all([...services.entries()].filter(([url]) => url !== urls[0]).map(([, service]) => service.stop()));
      await test.stop();
    },
  };
}
