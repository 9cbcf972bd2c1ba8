import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CallStore } from '../call-store.js';

export function ParticipantList({ store }: { readonly store: CallStore }) {
  const displayName = useStore(store, (state) => state.displayName);
  const others = useStore(
    store,
    useShallow((state) =>
      Object.values(state.roster)
        .filter((participant) => participant.screenOf === null)
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    ),
  );
  return (
    <section className="participants" aria-label="Participants">
      <h2>People ({others.length + 1})</h2>
      <ul>
        <li data-testid="participant-self">{displayName} (you)</li>
        {others.map((participant) => (
          <li key={participant.id} data-testid="participant" data-talking={participant.talking} data-audio-muted={participant.audioMuted} data-video-muted={participant.videoMuted}>
            {participant.displayName}
          </li>
        ))}
      </ul>
    </section>
  );
}
