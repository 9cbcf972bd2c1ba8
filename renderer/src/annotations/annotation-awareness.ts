import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import type { NormalizedPoint } from '../../../shared/annotations/frame-mapping.js';
import { createAwarenessPublisher } from '../sync/awareness-publisher.js';
import { readAwarenessStates } from '../sync/awareness-states.js';

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

/** Everyone's awareness on this share, ourselves included (the presenter's overlay shows its own laser too). */
export function readAnnotators(awareness: Awareness): Annotator[] {
  return readAwarenessStates(awareness, AnnotatorStateSchema)
    .map(({ clientId, self, state: { user, cursor, laser } }) => ({ clientId, name: user.name, color: user.color, cursor: cursor ?? null, laser: laser ?? [], self }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

export interface AnnotatorPublisher {
  cursor(point: NormalizedPoint | null): void;
  /** Adds a point to the laser trail; points leave the trail LASER_FADE_MS after they were added. */
  laser(point: NormalizedPoint): void;
  destroy(): void;
}

type Trail = Array<[number, number]>;

export function publishAnnotator(awareness: Awareness, now: () => number = Date.now): AnnotatorPublisher {
  const publisher = createAwarenessPublisher(awareness);
  const cursor = publisher.field<NormalizedPoint | null>('cursor', PUBLISH_INTERVAL_MS);
  const laser = publisher.field<Trail | null>('laser', PUBLISH_INTERVAL_MS);
  let trail: Array<{ x: number; y: number; at: number }> = [];
  let fading: ReturnType<typeof setTimeout> | null = null;

  const round = (value: number): number => Math.round(value * 10_000) / 10_000;
  // Republishes the trail while it lasts, so that it shrinks away after the pointer stops; null once, when it is gone.
  const publishTrail = (): void => {
    const time = now();
    trail = trail.filter((point) => time - point.at < LASER_FADE_MS).slice(-MAX_LASER_POINTS);
    laser(trail.length > 0 ? trail.map((point): [number, number] => [round(point.x), round(point.y)]) : null);
    fading = trail.length > 0 ? setTimeout(publishTrail, PUBLISH_INTERVAL_MS) : null;
  };
  return {
    cursor: (point) => cursor(point && { x: round(point.x), y: round(point.y) }),
    laser(point) {
      trail.push({ x: point.x, y: point.y, at: now() });
      if (!fading) publishTrail();
    },
    destroy() {
      if (fading) clearTimeout(fading);
      fading = null;
      publisher.destroy();
    },
  };
}
