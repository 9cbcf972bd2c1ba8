/**
 * Which Janus node a room lives on, by rendezvous hashing (highest random
 * weight): every control-plane process and every client ranks the same nodes
 * the same way for a room, with no shared state, and removing a node moves
 * only the rooms that were on it. Pure, so clients use it for failover.
 */

/**
 * cyrb53: a fast, well-mixed 53-bit string hash (public domain). It needs no
 * crypto: the weight only has to spread rooms evenly, not resist an attacker,
 * who gains nothing by choosing which node a room lands on.
 */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The weight of one node for one room; a NUL between them keeps ("ab","c") apart from ("a","bc"). */
export function rendezvousWeight(room: string, node: string): number {
  return hash53(`${node}\u0000${room}`);
}

/** The nodes in the order a room tries them: highest weight first; equal weights fall back to the node's name. */
export function rankNodes(room: string, nodes: readonly string[]): string[] {
  return [...new Set(nodes)]
    .map((node) => ({ node, weight: rendezvousWeight(room, node) }))
    .sort((a, b) => b.weight - a.weight || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0))
    .map(({ node }) => node);
}

/** What is known of one node when choosing: it did not answer, or it answered whether it holds the room. */
export type NodeState = { readonly live: false } | { readonly live: true; readonly hasRoom: boolean };

/**
 * The node a room goes to: the first in its order that already holds it (so
 * a room stays where its participants are), else the first that answers.
 * Null when none answers.
 */
export function chooseNode(ranked: readonly string[], stateOf: (node: string) => NodeState): string | null {
  const states = ranked.map((node) => ({ node, state: stateOf(node) }));
  const holding = states.find(({ state }) => state.live && state.hasRoom);
  if (holding) return holding.node;
  return states.find(({ state }) => state.live)?.node ?? null;
}
