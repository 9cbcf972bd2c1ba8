import { z } from 'zod';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardViewStore, Presence } from './board-view-store.js';

/**
 * What each peer publishes through awareness, never through the document:
 * who they are, where their pointer is, what they see and what they selected.
 * Remote states are validated; a state that fails is ignored.
 */
const finite = z.number().finite();
export const PresenceStateSchema = z.object({
  user: z.strictObject({ name: z.string().min(1).max(64), color: z.string().regex(/^#[0-9a-fA-F]{6}$/) }),
  cursor: z.strictObject({ x: finite, y: finite }).nullish(),
  viewport: z.strictObject({ x: finite, y: finite, width: finite.positive(), height: finite.positive() }).nullish(),
  selection: z.array(z.string().max(64)).max(1_000).optional(),
});

/** About 30 updates a second: smooth to the eye, light on the mesh. */
export const CURSOR_INTERVAL_MS = 33;
const VIEWPORT_INTERVAL_MS = 100;

/** Calls `send` at most once per interval with the latest value, never dropping the last one. */
function throttle<T>(interval: number, send: (value: T) => void): { push(value: T): void; cancel(): void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { value: T } | null = null;
  const fire = (): void => {
    timer = null;
    if (!pending) return;
    last = Date.now();
    const { value } = pending;
    pending = null;
    send(value);
  };
  return {
    push(value) {
      pending = { value };
      if (timer) return;
      const wait = interval - (Date.now() - last);
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

export interface PresencePublisher {
  cursor(point: { x: number; y: number } | null): void;
  viewport(view: { x: number; y: number; width: number; height: number }): void;
  selection(ids: readonly string[]): void;
  destroy(): void;
}

export function attachPresence(awareness: Awareness, view: BoardViewStore): PresencePublisher {
  const readPeers = (): void => {
    const peers: Presence[] = [];
    awareness.getStates().forEach((state, clientId) => {
      if (clientId === awareness.clientID) return;
      const parsed = PresenceStateSchema.safeParse(state);
      if (!parsed.success) return;
      const { user, cursor, viewport, selection } = parsed.data;
      peers.push({ clientId, name: user.name, color: user.color, cursor: cursor ?? null, viewport: viewport ?? null, selection: selection ?? [] });
    });
    peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
    const following = view.getState().following;
    view.setState({ peers, following: following !== null && peers.some((peer) => peer.clientId === following) ? following : null });
  };
  awareness.on('change', readPeers);
  readPeers();
  const cursor = throttle(CURSOR_INTERVAL_MS, (point: { x: number; y: number } | null) => awareness.setLocalStateField('cursor', point));
  const viewport = throttle(VIEWPORT_INTERVAL_MS, (value: { x: number; y: number; width: number; height: number }) =>
    awareness.setLocalStateField('viewport', value),
  );
  return {
    cursor: (point) => cursor.push(point && { x: Math.round(point.x * 10) / 10, y: Math.round(point.y * 10) / 10 }),
    viewport: (value) => viewport.push(value),
    selection: (ids) => awareness.setLocalStateField('selection', ids.slice(0, 1_000)),
    destroy() {
      cursor.cancel();
      viewport.cancel();
      awareness.off('change', readPeers);
    },
  };
}
