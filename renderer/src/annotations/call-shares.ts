import type { CallState } from '../call/call-store.js';
import type { AnnotationRole } from './annotation-session.js';

export interface WantedShare {
  readonly role: AnnotationRole;
  readonly presenterName: string;
}

/** The shares running now, by screen feed id: our own, and every remote screen feed that publishes. */
export function wantedShares(state: CallState): Map<string, WantedShare> {
  const wanted = new Map<string, WantedShare>();
  if (state.localScreen && state.selfScreenId) wanted.set(state.selfScreenId, { role: 'presenter', presenterName: state.displayName });
  for (const participant of Object.values(state.roster)) {
    if (participant.screenOf === null || !participant.publishing) continue;
    wanted.set(participant.id, { role: 'viewer', presenterName: state.roster[participant.screenOf]?.displayName ?? participant.displayName });
  }
  return wanted;
}
