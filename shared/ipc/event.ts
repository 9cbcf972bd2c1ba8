import type { z } from 'zod';

/**
 * One main→renderer event: a name and the schema of its payload, declared
 * once. The main process validates before sending, the page validates again
 * on arrival; the preload exposes one `on<Event>(listener)` per event.
 */
export interface WindowEvent<Payload extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly payload: Payload;
}

export function defineEvent<Payload extends z.ZodType>(name: string, payload: Payload): WindowEvent<Payload> {
  return { name, payload };
}

/** Electron channel an event travels on; the preload listens to exactly these and no other. */
export function windowEventChannel(name: string): string {
  return `confer:event:${name}`;
}
