import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import { createAwarenessPublisher } from '../sync/awareness-publisher.js';
import { readAwarenessStates } from '../sync/awareness-states.js';
import type { BoardViewStore, PeerAwareness } from './board-view-store.js';
import { decodeLiveStroke, LiveStrokeWireSchema, type LiveStrokeWire } from './live-strokes.js';

/**
 * What each peer publishes through awareness, never through the document:
 * who they are, where their pointer is, what they see, what they selected
 * and the stroke they are drawing.
 * Remote states are validated; a state that fails is ignored.
 */
const finite = z.number().finite();
export const BoardAwarenessSchema = z.object({
  user: z.strictObject({ name: z.string().min(1).max(64), color: z.string().regex(/^#[0-9a-fA-F]{6}$/) }),
  cursor: z.strictObject({ x: finite, y: finite }).nullish(),
  viewport: z.strictObject({ x: finite, y: finite, width: finite.positive(), height: finite.positive() }).nullish(),
  selection: z.array(z.string().max(64)).max(1_000).optional(),
  drawing: LiveStrokeWireSchema.nullish(),
});

/** About 30 updates a second: smooth to the eye, light on the mesh. */
export const CURSOR_INTERVAL_MS = 33;
const VIEWPORT_INTERVAL_MS = 100;

type Point = { x: number; y: number };
type Viewport = { x: number; y: number; width: number; height: number };

export interface BoardAwarenessPublisher {
  cursor(point: Point | null): void;
  viewport(view: Viewport): void;
  selection(ids: readonly string[]): void;
  /** The stroke being drawn, sent at the cursor's rate; null once it is finished or cancelled. */
  drawing(stroke: LiveStrokeWire | null): void;
  destroy(): void;
}

/** Feeds the peers' cursors, viewports and selections into the view, and publishes ours. */
export function attachBoardAwareness(awareness: Awareness, view: BoardViewStore): BoardAwarenessPublisher {
  const readPeers = (): void => {
    const peers: PeerAwareness[] = readAwarenessStates(awareness, BoardAwarenessSchema)
      .filter((peer) => !peer.self)
      .map(({ clientId, state: { user, cursor, viewport, selection, drawing } }) => ({
        clientId,
        name: user.name,
        color: user.color,
        cursor: cursor ?? null,
        viewport: viewport ?? null,
        selection: selection ?? [],
        drawing: drawing ? decodeLiveStroke(drawing) : null,
      }));
    peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
    const following = view.getState().following;
    view.setState({ peers, following: following !== null && peers.some((peer) => peer.clientId === following) ? following : null });
  };
  awareness.on('change', readPeers);
  readPeers();
  const publisher = createAwarenessPublisher(awareness);
  const cursor = publisher.field<Point | null>('cursor', CURSOR_INTERVAL_MS);
  const viewport = publisher.field<Viewport>('viewport', VIEWPORT_INTERVAL_MS);
  const selection = publisher.field<readonly string[]>('selection', 0);
  const drawing = publisher.field<LiveStrokeWire | null>('drawing', CURSOR_INTERVAL_MS);
  return {
    cursor: (point) => cursor(point && { x: Math.round(point.x * 10) / 10, y: Math.round(point.y * 10) / 10 }),
    viewport,
    selection: (ids) => selection(ids.slice(0, 1_000)),
    drawing,
    destroy() {
      publisher.destroy();
      awareness.off('change', readPeers);
    },
  };
}
