import { openAuditLog } from './audit-log.js';
import type { ControlConfig } from './control-config.js';
import { buildControlServer } from './control-server.js';
import { JanusNode } from './janus-node.js';
import { JoinService } from './join-service.js';
import { RateLimiter } from './rate-limiter.js';

export interface RunningControlPlane {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts one control-plane process's worth: the HTTP service, its Janus
 * connections, and the sweep that removes expired tokens from every node.
 * Every process sweeps: removing a token twice is harmless.
 */
export async function startControlPlane(config: ControlConfig, log: (line: string) => void = console.error): Promise<RunningControlPlane> {
  const nodes = config.nodes.map((address) => new JanusNode(address));
  const audit = openAuditLog(config.auditFile);
  const service = new JoinService({ config, nodes, limiter: new RateLimiter(config.rateLimit), audit });
  const app = buildControlServer(service, { trustProxy: config.trustProxy });
  const sweep = setInterval(() => {
    for (const node of nodes) node.sweepTokens().catch((error: unknown) => log(`token sweep on ${node.url} failed: ${error instanceof Error ? error.message : String(error)}`));
  }, config.sweepSeconds * 1000);
  sweep.unref();
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    clearInterval(sweep);
    for (const node of nodes) node.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    async close() {
      clearInterval(sweep);
      await app.close();
      for (const node of nodes) node.close();
      await audit.close();
    },
  };
}
