import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rankNodes } from '../shared/control/node-order.js';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { callPhase, decodingNames, describeCallPage, readTiles } from './harness/call-page.js';
import { janusSessions, videoRoomDisplays } from './harness/janus-api.js';
import { startJanusCluster, type JanusCluster } from './harness/janus-cluster.js';

// Three real Janus nodes; the web build knows all three (janusNodes). Two rooms of two
// placed on different nodes by the rendezvous hash; the node of one is killed with SIGKILL.

const SMALL = { width: 640, height: 400 };
/** Three stats refreshes apart, so two readings never see the same refresh. */
const SAMPLE_MS = 3000;

let cluster: JanusCluster;
const people: Participant[] = [];

beforeAll(async () => {
  cluster = await startJanusCluster('janus-failover', 3);
});

afterAll(async () => {
  const problems = people.flatMap((person) => person.problems);
  await Promise.all(people.map((person) => person.close()));
  await cluster?.stop();
  if (problems.length > 0) console.warn(problems.join('\n'));
});

/** Two fresh rooms whose first nodes differ. */
function roomsOnTwoNodes(urls: readonly string[]): [string, string] {
  const first = uniqueRoom('failover-a');
  for (;;) {
    const second = uniqueRoom('failover-b');
    if (rankNodes(second, urls)[0] !== rankNodes(first, urls)[0]) return [first, second];
  }
}

/** The other's name on each page of a pair, once both decode each other. */
async function pairDecodes(pair: readonly [Participant, Participant]): Promise<void> {
  for (const [self, other] of [pair, [pair[1], pair[0]] as const]) {
    await expect.poll(() => decodingNames(self.page), { timeout: 60_000, interval: 500, message: await describeCallPage(self.page) }).toEqual([other.name]);
  }
}

async function feedIds(page: Participant['page']): Promise<string[]> {
  return (await readTiles(page)).map((tile) => tile.feedId);
}

/**
 * Reads the frames decoded of each page's one remote tile (the app's getStats
 * of the subscription, refreshed every second): once before this resolves,
 * then every SAMPLE_MS, and a last time SAMPLE_MS after being told to stop.
 */
async function sampleFrames(pages: readonly Participant[]): Promise<{ stop(): Promise<number[][]> }> {
  const samples: number[][] = pages.map(() => []);
  const read = async (): Promise<void> => {
    const readings = await Promise.all(pages.map(async (person) => (await readTiles(person.page))[0]?.framesDecoded ?? 0));
    readings.forEach((frames, index) => samples[index]!.push(frames));
  };
  await read();
  let running = true;
  const loop = (async () => {
    do {
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      await read();
    } while (running);
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

describe('failover between Janus nodes', () => {
  test('the lobby prepares the join on the node its room ranks first, follows the room field there, and the join runs on it', async () => {
    const { urls } = cluster;
    const [typedFirst, joined] = roomsOnTwoNodes(urls);
    const nodeOf = (room: string) => rankNodes(room, urls)[0]!;
    const sessionsOn = (room: string) => {
      const admin = cluster.admin(nodeOf(room));
      return janusSessions(admin.url, admin.secret);
    };
    const [firstNode, joinedNode] = [sessionsOn(typedFirst), sessionsOn(joined)];
    // Sessions of earlier tests wait out Janus's reclaim timeout: only what appears from now on is this page's.
    const before = new Set([...(await firstNode.list()), ...(await joinedNode.list())]);
    const opened = async (node: typeof firstNode) => (await node.list()).filter((session) => !before.has(session));
    const [ann] = (await Promise.all([launchParticipant('Ann', SMALL)])) as [Participant];
    people.push(ann);
    const lobby = new URL(cluster.test.webUrl);
    lobby.search = new URLSearchParams({ room: typedFirst, name: 'Ann' }).toString();
    await ann.page.goto(lobby.toString());
    await expect.poll(() => opened(firstNode), { timeout: 20_000 }).toHaveLength(1);
    expect(await opened(joinedNode)).toEqual([]);

    // Another room, on another node: the prepared session moves there.
    await ann.page.locator('input[name="room"]').fill(joined);
    await expect.poll(() => opened(joinedNode), { timeout: 20_000 }).toHaveLength(1);
    await expect.poll(() => opened(firstNode), { timeout: 20_000 }).toEqual([]);
    const [warm] = await opened(joinedNode);
    await expect.poll(() => joinedNode.handles(warm!), { timeout: 10_000 }).toHaveLength(2);
    await ann.page.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => callPhase(ann.page), { timeout: 30_000 }).toBe('in-call');
    // The call runs on the lobby's handles (its subscription waits for someone to see): a cold join would have closed that session and opened another.
    await expect.poll(() => joinedNode.roles(warm!), { timeout: 10_000 }).toContain('publisher Ann');
    expect(await cluster.holding(joined)).toEqual([nodeOf(joined)]);
    await Promise.all(people.splice(0).map((person) => person.close()));
  }, 120_000);

  test('a killed node’s room rejoins on its next node with its mute state and share, the other room never stops, and a restarted node gets no room back', async () => {
    const { urls } = cluster;
    const [moving, staying] = roomsOnTwoNodes(urls);
    const [dying, next] = rankNodes(moving, urls) as [string, string];
    const stayingNode = rankNodes(staying, urls)[0]!;
    const [ada, bob, cleo, dan] = await Promise.all(['Ada', 'Bob', 'Cleo', 'Dan'].map((name) => launchParticipant(name, SMALL)));
    people.push(ada!, bob!, cleo!, dan!);
    const movingPair = [ada!, bob!] as const;
    const stayingPair = [cleo!, dan!] as const;
    const webUrl = cluster.test.webUrl;
    for (const person of movingPair) await person.page.goto(joinUrl(webUrl, moving, person.name));
    for (const person of stayingPair) await person.page.goto(joinUrl(webUrl, staying, person.name));
    await pairDecodes(movingPair);
    await pairDecodes(stayingPair);
    // Each room on its first node: the two nodes differ.
    expect(await cluster.holding(moving)).toEqual([dying]);
    expect(await cluster.holding(staying)).toEqual([stayingNode]);

    // Before the kill Ada mutes her microphone and Bob shares his screen: both must come through the move.
    await ada!.page.getByTestId('toggle-mic').click();
    await expect.poll(async () => (await readTiles(bob!.page))[0]?.audioMuted, { timeout: 30_000 }).toBe(true);
    await bob!.page.getByTestId('toggle-screen').click();
    await expect.poll(() => decodingNames(ada!.page, 'screen-tile'), { timeout: 60_000, interval: 500 }).toEqual(['Bob']);

    const stayingFeeds = await Promise.all(stayingPair.map((person) => feedIds(person.page)));
    const movingFeeds = await Promise.all(movingPair.map((person) => feedIds(person.page)));
    const sampler = await sampleFrames(stayingPair);
    await cluster.node(dying).kill();

    // Both rejoin on the next node in the room's order, under new feeds, and decode each other again.
    for (const [index, person] of movingPair.entries()) {
      await expect.poll(async () => (await feedIds(person.page)).some((feed) => movingFeeds[index]!.includes(feed)), { timeout: 60_000, interval: 250 }).toBe(false);
    }
    await pairDecodes(movingPair);
    expect(await cluster.holding(moving)).toEqual([next]);
    // The same mute state and the same share, published again on the new node.
    await expect.poll(async () => (await readTiles(bob!.page))[0]?.audioMuted, { timeout: 30_000 }).toBe(true);
    await expect.poll(() => decodingNames(ada!.page, 'screen-tile'), { timeout: 60_000, interval: 500 }).toEqual(['Bob']);

    // The dead node starts again, empty: the running room stays where it is.
    await cluster.node(dying).start();
    expect(await cluster.holding(moving)).toEqual([next]);
    // Someone joining the room now (Bob, reloading) is placed on the node that holds it, not on the first in the order.
    await bob!.page.reload();
    await pairDecodes(movingPair);
    expect(await cluster.holding(moving)).toEqual([next]);
    for (const person of movingPair) await expect.poll(() => callPhase(person.page), { timeout: 20_000 }).toBe('in-call');

    // The other room's media never stopped: frames grew between every two readings, on the same feeds, with no reconnect.
    const samples = await sampler.stop();
    for (const [index, person] of stayingPair.entries()) {
      const frames = samples[index]!;
      // Before the kill, during the failover, and after the reload.
      expect(frames.length).toBeGreaterThanOrEqual(3);
      for (let sample = 1; sample < frames.length; sample += 1) expect(frames[sample], `${person.name}'s frames: ${frames.join(', ')}`).toBeGreaterThan(frames[sample - 1]!);
      expect(await feedIds(person.page)).toEqual(stayingFeeds[index]);
      expect(await person.page.getByTestId('call').getAttribute('data-reconnects')).toBe('0');
    }
    expect(await cluster.holding(staying)).toEqual([stayingNode]);
  }, 300_000);

  test('a hung node (SIGSTOP: sockets open, nothing answered) is left for the room’s next node', async () => {
    await Promise.all(people.splice(0).map((person) => person.close()));
    const { urls } = cluster;
    const room = uniqueRoom('failover-hung');
    const [hanging, next] = rankNodes(room, urls) as [string, string];
    const pair = (await Promise.all(['Eve', 'Finn'].map((name) => launchParticipant(name, SMALL)))) as [Participant, Participant];
    people.push(...pair);
    for (const person of pair) await person.page.goto(joinUrl(cluster.test.webUrl, room, person.name));
    await pairDecodes(pair);
    expect(await cluster.holding(room)).toEqual([hanging]);
    const feeds = await Promise.all(pair.map((person) => feedIds(person.page)));
    const pid = cluster.node(hanging).pid!;
    process.kill(pid, 'SIGSTOP');
    try {
      for (const [index, person] of pair.entries()) {
        await expect.poll(async () => (await feedIds(person.page)).some((feed) => feeds[index]!.includes(feed)), { timeout: 60_000, interval: 250 }).toBe(false);
      }
      await pairDecodes(pair);
      // Janus's own list, asked of every node but the paused one (which would not answer).
      expect(await videoRoomDisplays(next, room)).toEqual(['Eve', 'Finn']);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  }, 300_000);
});
