import { describe, expect, test } from 'vitest';
import { rankNodes, type NodeState } from '../../../../shared/control/node-order.js';
import { placeRoom, settlePlacement, type NodeAnswer } from './room-placement.js';

const NODES = ['ws://janus-a:8188', 'ws://janus-b:8188', 'ws://janus-c:8188'];
const ROOM = 'standup';
const [FIRST, SECOND, THIRD] = rankNodes(ROOM, NODES) as [string, string, string];

const DOWN: NodeState = { live: false };
const EMPTY: NodeState = { live: true, hasRoom: false };
const HOLDS: NodeState = { live: true, hasRoom: true };

function answers(entries: Record<string, NodeAnswer>): (node: string) => NodeAnswer {
  return (node) => entries[node] ?? 'pending';
}

describe('settling where a room lives', () => {
  const order = [FIRST, SECOND, THIRD];

  test('a room on its first node settles there without waiting for the others', () => {
    expect(settlePlacement(order, answers({ [FIRST]: HOLDS }))).toEqual({ settled: true, node: FIRST });
  });

  test('a room that moved to its second node stays there when the first comes back empty', () => {
    expect(settlePlacement(order, answers({ [FIRST]: EMPTY, [SECOND]: HOLDS }))).toEqual({ settled: true, node: SECOND });
  });

  test('a node holding the room waits for every node ranked above it', () => {
    expect(settlePlacement(order, answers({ [SECOND]: HOLDS }))).toEqual({ settled: false });
  });

  test('a new room waits for every answer: a slower node might hold it', () => {
    expect(settlePlacement(order, answers({ [FIRST]: EMPTY, [SECOND]: EMPTY }))).toEqual({ settled: false });
    expect(settlePlacement(order, answers({ [FIRST]: EMPTY, [SECOND]: EMPTY, [THIRD]: EMPTY }))).toEqual({ settled: true, node: FIRST });
  });

  test('the node of a room whose node died is the next live one in its order', () => {
    expect(settlePlacement(order, answers({ [FIRST]: DOWN, [SECOND]: EMPTY, [THIRD]: EMPTY }))).toEqual({ settled: true, node: SECOND });
    expect(settlePlacement(order, answers({ [FIRST]: DOWN, [SECOND]: DOWN, [THIRD]: EMPTY }))).toEqual({ settled: true, node: THIRD });
  });

  test('a room is joined where it is even behind a live node ranked above it', () => {
    expect(settlePlacement(order, answers({ [FIRST]: EMPTY, [SECOND]: DOWN, [THIRD]: HOLDS }))).toEqual({ settled: true, node: THIRD });
  });

  test('no node answering settles on none', () => {
    expect(settlePlacement(order, answers({ [FIRST]: DOWN, [SECOND]: DOWN, [THIRD]: DOWN }))).toEqual({ settled: true, node: null });
  });
});

/** A probe whose answers the test hands out one node at a time. */
function scriptedProbe() {
  const waiting = new Map<string, (answer: NodeState) => void>();
  const failing = new Map<string, (error: Error) => void>();
  const asked: string[] = [];
  const probe = (node: string) =>
    new Promise<NodeState>((resolve, reject) => {
      asked.push(node);
      waiting.set(node, resolve);
      failing.set(node, reject);
    });
  return { probe, asked, answer: (node: string, state: NodeState) => waiting.get(node)?.(state), fail: (node: string) => failing.get(node)?.(new Error('refused')) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('placing a room by asking every node at once', () => {
  test('asks all nodes together and resolves as soon as the answers settle it', async () => {
    const script = scriptedProbe();
    let placed: string | null | undefined;
    void placeRoom(ROOM, NODES, script.probe).then((node) => (placed = node));
    expect([...script.asked].sort()).toEqual([...NODES].sort());
    script.answer(SECOND, HOLDS);
    await tick();
    expect(placed).toBeUndefined();
    script.answer(FIRST, EMPTY);
    await tick();
    expect(placed).toBe(SECOND);
  });

  test('a probe that fails counts as a node that is down', async () => {
    const script = scriptedProbe();
    const placing = placeRoom(ROOM, NODES, script.probe);
    script.fail(FIRST);
    script.answer(SECOND, EMPTY);
    script.answer(THIRD, EMPTY);
    expect(await placing).toBe(SECOND);
  });

  test('every participant ranks the same way, whatever order their nodes are listed in', async () => {
    const answer = async (node: string): Promise<NodeState> => (node === FIRST ? DOWN : EMPTY);
    expect(await placeRoom(ROOM, [...NODES].reverse(), answer)).toBe(await placeRoom(ROOM, NODES, answer));
  });
});
