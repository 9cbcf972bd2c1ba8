import { describe, expect, test } from 'vitest';
import { chooseNode, rankNodes, rendezvousWeight, type NodeState } from './node-order.js';

const NODES = ['ws://janus-a:8188', 'ws://janus-b:8188', 'ws://janus-c:8188'];
const rooms = Array.from({ length: 3000 }, (_, index) => `room-${index}`);

describe('rendezvous node order', () => {
  test('is the same for the same room whatever order the nodes are listed in', () => {
    for (const room of ['standup', 'design-review', 'x']) {
      expect(rankNodes(room, NODES)).toEqual(rankNodes(room, [...NODES].reverse()));
    }
  });

  test('ranks every node once, duplicates dropped', () => {
    const ranked = rankNodes('standup', [...NODES, NODES[0]!]);
    expect([...ranked].sort()).toEqual([...NODES].sort());
  });

  test('spreads rooms evenly: each of 3 nodes is first for 28 to 39 % of 3000 rooms', () => {
    const firsts = new Map<string, number>();
    for (const room of rooms) {
      const first = rankNodes(room, NODES)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const node of NODES) {
      const share = (firsts.get(node) ?? 0) / rooms.length;
      expect(share).toBeGreaterThan(0.28);
      expect(share).toBeLessThan(0.39);
    }
  });

  test('removing a node moves only the rooms that were on it', () => {
    const remaining = NODES.filter((node) => node !== NODES[1]);
    for (const room of rooms) {
      const before = rankNodes(room, NODES);
      const after = rankNodes(room, remaining);
      expect(after).toEqual(before.filter((node) => node !== NODES[1]));
    }
  });

  test('weights depend on both room and node, and on where one ends', () => {
    expect(rendezvousWeight('ab', 'c')).not.toBe(rendezvousWeight('a', 'bc'));
    expect(rendezvousWeight('room', 'n1')).not.toBe(rendezvousWeight('room', 'n2'));
    expect(Number.isSafeInteger(rendezvousWeight('room', 'n1'))).toBe(true);
  });
});

describe('choosing a room\u2019s node', () => {
  const states = (entries: Record<string, NodeState>) => (node: string): NodeState => entries[node] ?? { live: false };

  test('prefers the first node that already holds the room, even behind a live one', () => {
    const chosen = chooseNode(NODES, states({ [NODES[0]!]: { live: true, hasRoom: false }, [NODES[2]!]: { live: true, hasRoom: true } }));
    expect(chosen).toBe(NODES[2]);
  });

  test('otherwise takes the first live node, skipping those that did not answer', () => {
    const chosen = chooseNode(NODES, states({ [NODES[1]!]: { live: true, hasRoom: false }, [NODES[2]!]: { live: true, hasRoom: false } }));
    expect(chosen).toBe(NODES[1]);
  });

  test('is null when no node answers', () => {
    expect(chooseNode(NODES, states({}))).toBeNull();
  });
});
