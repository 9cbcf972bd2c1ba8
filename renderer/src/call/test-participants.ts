import type { Participant } from './participants.js';

/** A publishing, unmuted participant for tests; `change` sets what a test is about. */
export function testParticipant(id: string, displayName: string, change: Partial<Participant> = {}): Participant {
  return { id, displayName, publishing: true, talking: false, audioMuted: false, videoMuted: false, audioMid: null, screenOf: null, ...change };
}
