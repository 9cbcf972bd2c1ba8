import { describe, expect, test, vi } from 'vitest';
import { manualClock } from '../test-clock.js';
import type { JanusEndpoint } from './session-contract.js';
import { PREPARE_RETRY_MS, RETARGET_SETTLE_MS, WarmStart } from './warm-start.js';

/** Stand-in parts: a socket whose end the test decides. */
interface FakeParts {
  readonly id: number;
  readonly url: string;
  readonly janus: { readonly closed: Promise<void> };
  endSocket(): void;
}

const NODE: JanusEndpoint = { url: 'ws://127.0.0.1:8188/', credentials: { token: 'a' } };
const RTC: RTCConfiguration = { iceServers: [] };
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** With several nodes: rooms starting with "b" rank the second node first. */
const SECOND: JanusEndpoint = { url: 'ws://127.0.0.1:9188/', credentials: { token: 'a' } };
const byRoom = (room: string): JanusEndpoint => (room.startsWith('b') ? SECOND : NODE);

function setUp(options: { target?: JanusEndpoint | null | ((room: string) => JanusEndpoint); failOpens?: number } = {}) {
  const { clock, advance } = manualClock();
  const opened: FakeParts[] = [];
  const closed: number[] = [];
  const warnings: string[] = [];
  let failures = options.failOpens ?? 0;
  const open = vi.fn(async (endpoint: JanusEndpoint): Promise<FakeParts> => {
    if (failures > 0) {
      failures -= 1;
      throw new Error('Cannot reach the media server');
    }
    let endSocket = () => undefined as void;
    const parts: FakeParts = { id: opened.length + 1, url: endpoint.url, janus: { closed: new Promise<void>((resolve) => (endSocket = resolve)) }, endSocket: () => endSocket() };
    opened.push(parts);
    return parts;
  });
  const target = options.target === undefined ? NODE : options.target;
  const warm = new WarmStart<FakeParts>({
    node: (room) => (typeof target === 'function' ? target(room) : target),
    rtc: async () => RTC,
    open,
    close: async (parts) => void closed.push(parts.id),
    clock,
    warn: (message) => warnings.push(message),
  });
  return { warm, open, opened, closed, warnings, advance };
}

describe('WarmStart', () => {
  test('a join on the prepared node takes the parts opened in the lobby, with the ICE configuration they were made with', async () => {
    const { warm, open, opened, closed } = setUp();
    warm.prepare();
    warm.prepare();
    await settle();
    const claim = warm.claim();
    expect(claim?.rtc).toBe(RTC);
    expect(await claim?.partsFor({ url: 'ws://127.0.0.1:8188', credentials: { token: 'a' } })).toBe(opened[0]);
    expect(open).toHaveBeenCalledTimes(1);
    expect(closed).toEqual([]);
    expect(warm.claim()).toBeNull();
  });

  test('a join on another node, or with another token, closes the parts and starts cold', async () => {
    for (const endpoint of [{ ...NODE, url: 'ws://127.0.0.1:9188' }, { ...NODE, credentials: { token: 'b' } }]) {
      const { warm, closed } = setUp();
      warm.prepare();
      await settle();
      expect(await warm.claim()?.partsFor(endpoint)).toBeNull();
      await settle();
      expect(closed).toEqual([1]);
    }
  });

  test('a join clicked while the parts are still opening waits for them', async () => {
    const { warm, opened } = setUp();
    warm.prepare();
    const claim = warm.claim();
    expect(claim).toBeNull();
    await settle();
    // The target came back after the claim: nothing was opened for a lobby already left.
    expect(opened).toEqual([]);
    warm.prepare();
    await Promise.resolve();
    await Promise.resolve();
    const pending = warm.claim();
    expect(await pending?.partsFor(NODE)).toBe(opened[0]);
  });

  test('a join that stops before using the parts (refused, left) closes them', async () => {
    const { warm, closed } = setUp();
    warm.prepare();
    await settle();
    warm.claim()?.release();
    await settle();
    expect(closed).toEqual([1]);
  });

  test('a socket that closes in the lobby is prepared again a little later, and the join gets the new parts', async () => {
    const { warm, opened, closed, advance } = setUp();
    warm.prepare();
    await settle();
    opened[0]?.endSocket();
    await settle();
    expect(closed).toEqual([1]);
    // A preview opened again meanwhile waits for the retry too: a node just gone is not hammered.
    warm.prepare();
    advance(PREPARE_RETRY_MS - 1);
    await settle();
    expect(opened).toHaveLength(1);
    advance(1);
    await settle();
    expect(opened).toHaveLength(2);
    expect(await warm.claim()?.partsFor(NODE)).toBe(opened[1]);
  });

  test('a node that cannot be reached from the lobby is tried again, and says why', async () => {
    const { warm, opened, warnings, advance } = setUp({ failOpens: 1 });
    warm.prepare();
    await settle();
    expect(warnings).toEqual(['the join could not be prepared: Error: Cannot reach the media server']);
    advance(PREPARE_RETRY_MS);
    await settle();
    expect(await warm.claim()?.partsFor(NODE)).toBe(opened[0]);
  });

  test('with nothing to prepare for (a control plane decides the node), nothing is opened', async () => {
    const { warm, open } = setUp({ target: null });
    warm.prepare();
    await settle();
    expect(warm.claim()).toBeNull();
    expect(open).not.toHaveBeenCalled();
  });

  test('with several nodes, the parts are opened on the node the lobby\'s room ranks first, and follow the room once its name rests', async () => {
    const { warm, opened, closed, advance } = setUp({ target: byRoom });
    warm.aim('alpha');
    warm.prepare();
    await settle();
    expect(opened.map((parts) => parts.url)).toEqual([NODE.url]);
    // Typing: another name on the same node keeps the parts; one on another node moves them only once it rests.
    warm.aim('another');
    warm.aim('b');
    advance(RETARGET_SETTLE_MS - 1);
    warm.aim('bravo');
    advance(RETARGET_SETTLE_MS - 1);
    await settle();
    expect(opened).toHaveLength(1);
    advance(1);
    await settle();
    expect(closed).toEqual([1]);
    expect(opened.map((parts) => parts.url)).toEqual([NODE.url, SECOND.url]);
    expect(await warm.claim()?.partsFor(SECOND)).toBe(opened[1]);
  });

  test('a room aimed before the lobby has its media is prepared when it does, on that room\'s node', async () => {
    const { warm, opened } = setUp({ target: byRoom });
    warm.aim('bravo');
    await settle();
    expect(opened).toEqual([]);
    warm.prepare();
    await settle();
    expect(opened.map((parts) => parts.url)).toEqual([SECOND.url]);
  });
});
