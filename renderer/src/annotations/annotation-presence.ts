import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import type { NormalizedPoint } from '../../../shared/annotations/frame-mapping.js';

/**
 * What each annotator publishes through awareness, never through the
 * document: their pointer over the share and their laser trail, both in
 * content fractions. Remote states are validated; a state that fails is ignored.
 */
const fraction = z.number().finite().min(-1).max(2);
/** A laser trail longer than this is cut from its old end: two seconds of pointer moves at 60 Hz fit. */
export const MAX_LASER_POINTS = 150;
const AnnotatorStateSchema = z.object({
  user: z.strictObject({ name: z.string().min(1).max(64), color: z.string().regex(/^#[0-9a-fA-F]{6}$/) }),
  cursor: z.strictObject({ x: fraction, y: fraction }).nullish(),
  laser: z.array(z.tuple([fraction, fraction])).max(MAX_LASER_POINTS).nullish(),
});

export interface Annotator {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly cursor: NormalizedPoint | null;
  readonly laser: ReadonlyArray<readonly [number, number]>;
  readonly self: boolean;
}

/** Each laser point shows for this long after it was drawn, then the trail has moved on. */
export const LASER_FADE_MS = 2_000;
/** About 30 updates a second: smooth to the eye, light on the mesh (as the board's cursors). */
const PUBLISH_INTERVAL_MS = 33;

/** Everyone's presence on this share, ourselves included (the presenter's overlay shows its own laser too). */
export function readAnnotators(awareness: Awareness): Annotator[] {
  const annotators: Annotator[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const parsed = AnnotatorStateSchema.safeParse(state);
    if (!parsed.success) return;
    const { user, cursor, laser } = parsed.data;
    annotators.push({ clientId, name: user.name, color: user.color, cursor: cursor ?? null, laser: laser ?? [], self: clientId === awareness.clientID });
  });
  return annotators.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

export interface PresencePublisher {
  cursor(point: NormalizedPoint | null): void;
  /** Adds a point to the laser trail; points leave the trail LASER_FADE_MS after they were added. */
  laser(point: NormalizedPoint): void;
  destroy(): void;
}

export function publishPresence(awareness: Awareness, now: () => number = Date.now): PresencePublisher {
  let cursor: NormalizedPoint | null = null;
  let trail: Array<{ x: number; y: number; at: number }> = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dirty = false;

  const round = (value: number): number => Math.round(value * 10_000) / 10_000;
  const flush = (): void => {
    timer = null;
    const time = now();
    trail = trail.filter((point) => time - point.at < LASER_FADE_MS).slice(-MAX_LASER_POINTS);
    if (dirty) {
      awareness.setLocalStateField('cursor', cursor && { x: round(cursor.x), y: round(cursor.y) });
      dirty = false;
    }
    const laser = trail.length > 0 ? trail.map((point): [number, number] => [round(point.x), round(point.y)]) : null;
    const current: unknown = awareness.getLocalState()?.laser ?? null;
    if (laser !== null || current !== null) awareness.setLocalStateField('laser', laser);
    // Keep ticking while a trail remains, so that it shrinks away after the pointer stops.
    if (trail.length > 0) timer = setTimeout(flush, PUBLISH_INTERVAL_MS);
  };
  const schedule = (): void => {
    timer ??= setTimeout(flush, PUBLISH_INTERVAL_MS);
  };
  return {
    cursor(point) {
      cursor = point;
      dirty = true;
      schedule();
    },
    laser(point) {
      trail.push({ x: point.x, y: point.y, at: now() });
      schedule();
    },
    destroy() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
