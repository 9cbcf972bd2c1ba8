import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from '../harness/browser.js';
import { decodingNames, describeCallPage, readTiles, receivedWidth } from '../harness/call-page.js';
import { CLEAN, startImpairmentRelay, type Impairment, type ImpairmentRelay } from '../harness/impairment-relay.js';
import { JANUS_ICE_ADDRESS } from '../harness/namespace-network.js';
import { useTestStack } from '../harness/test-stack.js';

/** Free in the namespace (all of 127/8 is local): Janus advertises it, the relay listens on it. */
const RELAY_ADDRESS = '127.0.0.3';
/** A small RTP range: the relay binds one socket per port. */
const RTP_PORTS = [20000, 20099] as const;

/** The hotel Wi-Fi, both ways: 300 kbit/s, 5 % loss, 100 ms delay. */
const HOTEL_WIFI: Impairment = { delayMs: 100, jitterMs: 0, lossRate: 0.05, rateKbps: 300, queueMs: 200 };

const testStack = useTestStack('faults-impaired', {
  env: { CONFER_STACK_JANUS_PUBLIC_ADDRESS: RELAY_ADDRESS, CONFER_STACK_RTP_PORTS: RTP_PORTS.join('-') },
});

describe('a call through an impaired network', () => {
  let relay: ImpairmentRelay | null = null;
  const people: Participant[] = [];
  beforeAll(async () => {
    relay = await startImpairmentRelay({ listenAddress: RELAY_ADDRESS, targetAddress: JANUS_ICE_ADDRESS, ports: RTP_PORTS });
    people.push(...(await Promise.all([launchParticipant('Alice'), launchParticipant('Bob')])));
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    for (const person of people) console.warn(`${person.name}: ${await describeCallPage(person.page)}`);
    console.warn(`relay: uplink ${JSON.stringify(relay?.uplink)}, downlink ${JSON.stringify(relay?.downlink)}`);
  });
  afterAll(async () => {
    const problems = people.flatMap((person) => person.problems);
    await Promise.all(people.map((person) => person.close()));
    await relay?.close();
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test('300 kbit/s, 5 % loss, 100 ms: the call keeps decoding on a lower layer, quality shows bad, and both recover', async () => {
    const { webUrl } = testStack();
    const room = uniqueRoom('impaired');
    for (const person of people) await person.page.goto(joinUrl(webUrl, room, person.name));
    const [alice, bob] = people as [Participant, Participant];
    await expect.poll(() => decodingNames(bob.page), { timeout: 45_000, interval: 500 }).toEqual(['Alice']);
    await expect.poll(() => decodingNames(alice.page), { timeout: 45_000, interval: 500 }).toEqual(['Bob']);
    // Media really crosses the relay: Janus advertises only its address.
    expect(relay?.uplink.forwarded).toBeGreaterThan(0);
    expect(relay?.downlink.forwarded).toBeGreaterThan(0);

    const quality = (page: Participant['page'], name: string) =>
      page.locator(`[data-testid="tile"][data-name="${name}"] [data-testid="quality"]`).getAttribute('data-quality', { timeout: 1000 }).catch(() => null);
    const frames = async (page: Participant['page'], name: string) => (await readTiles(page)).find((tile) => tile.name === name)?.framesDecoded ?? 0;
    await expect.poll(() => quality(bob.page, 'Alice'), { timeout: 20_000 }).toBe('good');
    await expect.poll(() => receivedWidth(bob.page, 'Alice'), { timeout: 20_000 }).toBeGreaterThan(320);
    const cleanWidth = await receivedWidth(bob.page, 'Alice');

    relay?.impair(HOTEL_WIFI, HOTEL_WIFI);
    await expect.poll(() => quality(bob.page, 'Alice'), { timeout: 30_000, interval: 500 }).toMatch(/^(fair|poor)$/);
    const seenQuality = await quality(bob.page, 'Alice');
    // The layer drops: the received frame gets narrower than on the clean link.
    await expect.poll(() => receivedWidth(bob.page, 'Alice'), { timeout: 45_000, interval: 500 }).toBeLessThan(cleanWidth);
    const impairedWidth = await receivedWidth(bob.page, 'Alice');
    // And it keeps decoding on that layer.
    // Counted from the lowest reading: a renegotiation under loss (ICE restart) starts the counter again.
    let baseline = await frames(bob.page, 'Alice');
    const advance = async (): Promise<number> => {
      const now = await frames(bob.page, 'Alice');
      baseline = Math.min(baseline, now);
      return now - baseline;
    };
    // At 300 kbit/s with 5 % loss video stalls between keyframes: ask that decoding goes on, not how smoothly.
    await expect.poll(advance, { timeout: 30_000, interval: 500 }).toBeGreaterThan(5);
    await expect.poll(() => frames(alice.page, 'Bob'), { timeout: 20_000, interval: 500 }).toBeGreaterThan(0);
    expect(relay?.downlink.dropped).toBeGreaterThan(0);

    relay?.impair(CLEAN, CLEAN);
    await expect.poll(() => quality(bob.page, 'Alice'), { timeout: 45_000, interval: 500 }).toBe('good');
    // The layer climbs back as the sender's estimate ramps up; the top layer can take longer than a test should wait.
    await expect.poll(() => receivedWidth(bob.page, 'Alice'), { timeout: 60_000, interval: 500 }).toBeGreaterThan(impairedWidth);
    console.info(`impaired: quality ${seenQuality}, received width ${cleanWidth} -> ${impairedWidth} -> ${await receivedWidth(bob.page, 'Alice')}`);
  }, 240_000);
});
