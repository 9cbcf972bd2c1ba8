import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { callPhase, decodingNames, readTiles } from './harness/call-page.js';
import { startTcpProxy, type TcpProxy } from './harness/tcp-proxy.js';
import { useTestStack } from './harness/test-stack.js';
import { useWebVariant } from './harness/web-variant.js';

describe('a lost WebSocket to Janus', () => {
  const testStack = useTestStack('calls-reclaim');
  let proxy: TcpProxy | null = null;
  beforeAll(async () => {
    proxy = await startTcpProxy(Number(new URL(testStack().stack.runtimeConfig.janusUrl).port));
  });
  // Alice reaches Janus through a proxy the test can cut; Bob connects directly.
  const viaProxyUrl = useWebVariant(testStack, (config) => ({ ...config, janusUrl: `ws://127.0.0.1:${proxy?.port ?? 0}` }));
  const people: Participant[] = [];
  afterAll(async () => {
    const problems = people.flatMap((person) => person.problems);
    await Promise.all(people.map((person) => person.close()));
    await proxy?.close();
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test('is answered with claim: the same feed stays in the room and media keeps flowing', async () => {
    const room = uniqueRoom('reclaim');
    const [alice, bob] = await Promise.all([launchParticipant('Alice'), launchParticipant('Bob')]);
    people.push(alice, bob);
    await alice.page.goto(joinUrl(viaProxyUrl(), room, 'Alice'));
    await bob.page.goto(joinUrl(testStack().webUrl, room, 'Bob'));
    await expect.poll(() => decodingNames(alice.page), { timeout: 45_000, interval: 500 }).toEqual(['Bob']);
    await expect.poll(() => decodingNames(bob.page), { timeout: 45_000, interval: 500 }).toEqual(['Alice']);
    const aliceFeed = (await readTiles(bob.page))[0]?.feedId;

    proxy?.cut();
    // The socket loss was noticed and recovered: a reclaim can be too quick to catch "reconnecting" on screen.
    await expect.poll(() => alice.page.getByTestId('call').getAttribute('data-reconnects'), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => callPhase(alice.page), { timeout: 30_000 }).toBe('in-call');

    // Claimed, not rejoined: Bob still sees one Alice, with the feed id she had, and both still decode.
    const framesBefore = (await readTiles(bob.page))[0]?.framesDecoded ?? 0;
    await expect.poll(async () => (await readTiles(bob.page)).map((tile) => tile.feedId), { timeout: 20_000 }).toEqual([aliceFeed]);
    await expect.poll(async () => (await readTiles(bob.page))[0]?.framesDecoded ?? 0, { timeout: 20_000 }).toBeGreaterThan(framesBefore);
    await expect.poll(() => decodingNames(alice.page), { timeout: 20_000 }).toEqual(['Bob']);
    // The claimed session still carries requests: muting reaches Bob.
    await alice.page.getByTestId('toggle-mic').click();
    await expect.poll(async () => (await readTiles(bob.page))[0]?.audioMuted, { timeout: 20_000 }).toBe(true);
  });
});
