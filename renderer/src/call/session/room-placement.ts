import { chooseNode, rankNodes, type NodeState } from '../../../../shared/control/node-order.js';

/**
 * Which Janus node a call's room lives on when several are configured.
 * Every participant ranks the nodes the same way for the room (rendezvous
 * hashing, shared with the control plane) and takes the first node that
 * already holds the room, otherwise the first that answers. So everyone
 * meets on one node; when it dies its rooms go to the next live one in the
 * order, and a node coming back empty pulls no running room back, since the
 * node now holding the room ranks first among those that hold it.
 */

/** A node's answer while the room is being placed: not in yet, or known. */
export type NodeAnswer = NodeState | 'pending';

export type Settlement = { readonly settled: false } | { readonly settled: true; readonly node: string | null };

const UNSETTLED: Settlement = { settled: false };

/**
 * The node the answers so far settle on, as early as they can: a node that
 * holds the room wins once every node ranked above it has answered (none of
 * them holds it); otherwise every node must answer, since any of them might
 * hold it, and the first live one wins. Null: no node answered.
 */
export function settlePlacement(order: readonly string[], answerOf: (node: string) => NodeAnswer): Settlement {
  for (const node of order) {
    const answer = answerOf(node);
    if (answer === 'pending') return UNSETTLED;
    if (answer.live && answer.hasRoom) return { settled: true, node };
  }
  return { settled: true, node: chooseNode(order, (node) => answerOf(node) as NodeState) };
}

/** Asks one node whether it answers and holds the room; resolves `{ live: false }` for a node that is down or too slow. */
export type NodeProbe = (node: string) => Promise<NodeState>;

/**
 * Asks every node at once and resolves with the room's node as soon as the
 * answers settle it (a slow node ranked below the one holding the room is
 * not waited for), or null when none answered.
 */
export function placeRoom(room: string, nodes: readonly string[], probe: NodeProbe): Promise<string | null> {
  const order = rankNodes(room, nodes);
  const answers = new Map<string, NodeState>();
  return new Promise((resolve) => {
    const settle = (): void => {
      const settlement = settlePlacement(order, (node) => answers.get(node) ?? 'pending');
      if (settlement.settled) resolve(settlement.node);
    };
    for (const node of order) {
      probe(node)
        .catch((): NodeState => ({ live: false }))
        .then((answer) => {
          answers.set(node, answer);
          settle();
        }, () => undefined);
    }
  });
}
