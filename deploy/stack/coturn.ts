import { createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandExists, startManagedProcess, waitUntilReady, type ManagedProcess } from './managed-process.js';
import { renderTemplate } from './templates.js';

const TEMPLATE = fileURLToPath(new URL('../coturn/turnserver.conf', import.meta.url));

export interface CoturnOptions {
  readonly runDirectory: string;
  readonly port: number;
  readonly secret: string;
  readonly relayPortRange: readonly [number, number];
  /** Address coturn listens on. */
  readonly address: string;
  /** Address coturn relays from, when not the listening one. */
  readonly relayAddress?: string;
}

/** Sends a STUN Binding request (RFC 5389) and resolves true on a Binding success response. */
export function probeStun(address: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0);
    request.writeUInt16BE(0, 2);
    request.writeUInt32BE(0x2112a442, 4);
    randomBytes(12).copy(request, 8);
    const done = (ready: boolean): void => {
      clearTimeout(timer);
      socket.close();
      resolve(ready);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('message', (message) => done(message.length >= 20 && message.readUInt16BE(0) === 0x0101));
    socket.on('error', () => done(false));
    socket.send(request, port, address);
  });
}

export async function startCoturn(options: CoturnOptions): Promise<ManagedProcess> {
  if (!commandExists('turnserver')) {
    throw new Error("coturn is not installed. Install Debian's coturn package: sudo apt-get install coturn");
  }
  const configFile = path.join(options.runDirectory, 'turnserver.conf');
  await renderTemplate(TEMPLATE, configFile, {
    LISTEN_IP: options.address,
    RELAY_IP: options.relayAddress ?? options.address,
    PORT: String(options.port),
    RELAY_MIN_PORT: String(options.relayPortRange[0]),
    RELAY_MAX_PORT: String(options.relayPortRange[1]),
    SECRET: options.secret,
    RUN_DIR: options.runDirectory,
  });
  const coturn = startManagedProcess('coturn', 'turnserver', ['-c', configFile], {
    logFile: path.join(options.runDirectory, 'coturn.log'),
  });
  await waitUntilReady(coturn, () => probeStun(options.address, options.port), 10_000);
  return coturn;
}
