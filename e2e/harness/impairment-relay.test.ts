import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, test } from 'vitest';
import { CLEAN, startImpairmentRelay, type ImpairmentRelay } from './impairment-relay.js';

/** The relay listens on one address and forwards to the same port on another; both are loopback here. */
const PORT = 39101;
const FRONT = '127.0.0.1';
const TARGET = '127.0.0.2';

let relay: ImpairmentRelay | null = null;
const sockets: Socket[] = [];

afterEach(async () => {
  await relay?.close();
  relay = null;
  for (const socket of sockets.splice(0)) socket.close();
});

function boundSocket(port: number, address: string): Promise<Socket> {
  const socket = createSocket('udp4');
  sockets.push(socket);
  return new Promise((resolve) => socket.bind(port, address, () => resolve(socket)));
}

/** An echo server where the relay forwards, and a client that times round trips through the relay. */
async function echoThroughRelay(): Promise<(count: number, size?: number) => Promise<number[]>> {
  const echo = await boundSocket(PORT, TARGET);
  echo.on('message', (packet, from) => echo.send(packet, from.port, from.address));
  const client = await boundSocket(0, FRONT);
  relay = await startImpairmentRelay({ listenAddress: FRONT, targetAddress: TARGET, ports: [PORT, PORT] });
  return async (count, size = 100) => {
    const sentAt = new Map<number, number>();
    const roundTrips: number[] = [];
    const onMessage = (packet: Buffer): void => {
      const started = sentAt.get(packet.readUInt32BE(0));
      if (started !== undefined) roundTrips.push(performance.now() - started);
    };
    client.on('message', onMessage);
    for (let sequence = 0; sequence < count; sequence += 1) {
      const packet = Buffer.alloc(size);
      packet.writeUInt32BE(sequence, 0);
      sentAt.set(sequence, performance.now());
      client.send(packet, PORT, FRONT);
    }
    // Done when every packet is accounted for: dropped, or echoed and back (a loaded machine may be slow).
    const settled = (): boolean => {
      const { uplink, downlink } = relay!;
      return uplink.forwarded + uplink.dropped === count && downlink.forwarded + downlink.dropped === uplink.forwarded && roundTrips.length === downlink.forwarded;
    };
    for (let waited = 0; !settled() && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    client.off('message', onMessage);
    return roundTrips;
  };
}

describe('UDP impairment relay', () => {
  test('a clean relay forwards every packet both ways', async () => {
    const exchange = await echoThroughRelay();
    expect(await exchange(50)).toHaveLength(50);
    expect(relay?.uplink).toEqual({ forwarded: 50, dropped: 0 });
    expect(relay?.downlink).toEqual({ forwarded: 50, dropped: 0 });
  });

  test('adds the configured delay in each direction', async () => {
    const exchange = await echoThroughRelay();
    relay!.impair({ ...CLEAN, delayMs: 60 }, { ...CLEAN, delayMs: 40 });
    const roundTrips = await exchange(10);
    expect(roundTrips).toHaveLength(10);
    expect(Math.min(...roundTrips)).toBeGreaterThanOrEqual(99);
  });

  test('drops the configured share of packets, and only those', async () => {
    const exchange = await echoThroughRelay();
    relay!.impair({ ...CLEAN, lossRate: 0.5 }, CLEAN);
    const roundTrips = await exchange(200);
    expect(relay!.uplink.dropped + relay!.uplink.forwarded).toBe(200);
    // 50 % of 200: outside 60..140 is a one-in-a-million event.
    expect(relay!.uplink.dropped).toBeGreaterThan(60);
    expect(relay!.uplink.dropped).toBeLessThan(140);
    expect(roundTrips).toHaveLength(relay!.uplink.forwarded);
  });

  test('a capacity limit drops what overflows its queue', async () => {
    const exchange = await echoThroughRelay();
    // 80 kbit/s with a 100 ms buffer holds about 1 KB: a burst of 40 packets of 1 KB cannot all pass.
    relay!.impair({ ...CLEAN, rateKbps: 80, queueMs: 100 }, CLEAN);
    const roundTrips = await exchange(40, 1000);
    expect(relay!.uplink.dropped).toBeGreaterThan(20);
    expect(roundTrips).toHaveLength(relay!.uplink.forwarded);
  });
});
