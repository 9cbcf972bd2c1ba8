import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

/** How one direction of the path misbehaves. Zero everywhere is a clean wire. */
export interface Impairment {
  readonly delayMs: number;
  /** Uniform extra delay in [0, jitterMs). */
  readonly jitterMs: number;
  /** Fraction of packets dropped, 0 to 1. */
  readonly lossRate: number;
  /** Link capacity; null for unlimited. Packets queue behind it and drop past `queueMs`. */
  readonly rateKbps: number | null;
  /** Longest a packet may wait in the capacity queue before it is dropped (a router's buffer). */
  readonly queueMs: number;
}

export const CLEAN: Impairment = { delayMs: 0, jitterMs: 0, lossRate: 0, rateKbps: null, queueMs: 200 };

export interface RelayCounters {
  forwarded: number;
  dropped: number;
}

/** One direction's shaping: loss, then a serialising capacity queue, then delay and jitter. */
class ShapedLink {
  private busyUntil = 0;
  /** Packets waiting out their delay: cancelled when the relay closes, so none is sent on a closed socket. */
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();
  readonly counters: RelayCounters = { forwarded: 0, dropped: 0 };
  constructor(
    public impairment: Impairment,
    private readonly random: () => number,
  ) {}

  send(packet: Buffer, deliver: (packet: Buffer) => void): void {
    const { delayMs, jitterMs, lossRate, rateKbps, queueMs } = this.impairment;
    if (lossRate > 0 && this.random() < lossRate) {
      this.counters.dropped += 1;
      return;
    }
    const now = performance.now();
    let departure = now;
    if (rateKbps !== null) {
      const start = Math.max(now, this.busyUntil);
      if (start - now > queueMs) {
        this.counters.dropped += 1;
        return;
      }
      departure = start + (packet.length * 8) / rateKbps; // kbit/s is bits per millisecond
      this.busyUntil = departure;
    }
    const wait = departure - now + delayMs + (jitterMs > 0 ? this.random() * jitterMs : 0);
    this.counters.forwarded += 1;
    if (wait <= 0) {
      deliver(packet);
      return;
    }
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      deliver(packet);
    }, wait);
    this.pending.add(timer);
  }

  cancelPending(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}

export interface RelayOptions {
  /** Where clients send: the address Janus advertises (its NAT 1:1 mapping). */
  readonly listenAddress: string;
  /** Where Janus really listens. */
  readonly targetAddress: string;
  /** The RTP port range, relayed port for port. */
  readonly ports: readonly [number, number];
  readonly random?: () => number;
}

export interface ImpairmentRelay {
  /** Client to server (uplink) and server to client (downlink). */
  impair(uplink: Impairment, downlink: Impairment): void;
  readonly uplink: RelayCounters;
  readonly downlink: RelayCounters;
  close(): Promise<void>;
}

function bind(socket: Socket, port: number, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, address, () => {
      socket.off('error', reject);
      resolve();
    });
  });
}

/**
 * A user-space UDP relay that stands in for kernel netem: every client flow
 * gets its own upstream socket (like a NAT), and each direction is shaped
 * on its own. Janus must advertise `listenAddress` and run ICE-lite, so no
 * path bypasses the relay.
 */
export async function startImpairmentRelay(options: RelayOptions): Promise<ImpairmentRelay> {
  const random = options.random ?? Math.random;
  const up = new ShapedLink(CLEAN, random);
  const down = new ShapedLink(CLEAN, random);
  const sockets: Socket[] = [];
  let closed = false;

  for (let port = options.ports[0]; port <= options.ports[1]; port += 1) {
    const front = createSocket('udp4');
    sockets.push(front);
    const flows = new Map<string, Socket>();
    const upstreamFor = async (client: RemoteInfo): Promise<Socket> => {
      const key = `${client.address}:${client.port}`;
      const existing = flows.get(key);
      if (existing) return existing;
      const upstream = createSocket('udp4');
      flows.set(key, upstream);
      sockets.push(upstream);
      upstream.on('message', (packet) => down.send(packet, (shaped) => !closed && front.send(shaped, client.port, client.address)));
      upstream.on('error', () => undefined);
      await bind(upstream, 0, options.targetAddress);
      return upstream;
    };
    front.on('message', (packet, client) => {
      void upstreamFor(client).then((upstream) => up.send(packet, (shaped) => !closed && upstream.send(shaped, port, options.targetAddress)));
    });
    front.on('error', () => undefined);
    await bind(front, port, options.listenAddress);
  }

  return {
    impair(uplink, downlink) {
      up.impairment = uplink;
      down.impairment = downlink;
    },
    uplink: up.counters,
    downlink: down.counters,
    close: async () => {
      closed = true;
      up.cancelPending();
      down.cancelPending();
      await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
    },
  };
}
