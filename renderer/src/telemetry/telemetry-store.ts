import { createStore } from 'zustand/vanilla';
import type { TelemetryEvent } from '../../../shared/diagnostics/telemetry-events.js';

/** About an hour of a four-person call at one sample per feed every two seconds. */
export const MAX_EVENTS = 8000;

export interface TelemetryState {
  /** Oldest first; the oldest are dropped past MAX_EVENTS. */
  readonly events: readonly TelemetryEvent[];
  /** How many events were ever recorded: lets a listener find the new ones after old ones were dropped. */
  readonly recorded: number;
}

export type TelemetryStore = ReturnType<typeof createTelemetryStore>;

export function createTelemetryStore() {
  return createStore<TelemetryState>()(() => ({ events: [], recorded: 0 }));
}

export function recordEvents(store: TelemetryStore, events: readonly TelemetryEvent[]): void {
  if (events.length === 0) return;
  store.setState((state) => ({ events: [...state.events, ...events].slice(-MAX_EVENTS), recorded: state.recorded + events.length }));
}

/** The events recorded after the first `seen` ones (as counted by `recorded`), of those still kept. */
export function eventsSince(state: TelemetryState, seen: number): readonly TelemetryEvent[] {
  const fresh = Math.min(state.recorded - seen, state.events.length);
  return fresh > 0 ? state.events.slice(state.events.length - fresh) : [];
}
