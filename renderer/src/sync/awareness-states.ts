import type { Awareness } from 'y-protocols/awareness';
import type { z } from 'zod';

export interface PeerState<T> {
  readonly clientId: number;
  /** This peer's own state. */
  readonly self: boolean;
  readonly state: T;
}

/** Every awareness state that passes `schema`: peers are not trusted, and a state that fails is ignored. */
export function readAwarenessStates<T>(awareness: Awareness, schema: z.ZodType<T>): Array<PeerState<T>> {
  const states: Array<PeerState<T>> = [];
  awareness.getStates().forEach((state, clientId) => {
    const parsed = schema.safeParse(state);
    if (parsed.success) states.push({ clientId, self: clientId === awareness.clientID, state: parsed.data });
  });
  return states;
}
