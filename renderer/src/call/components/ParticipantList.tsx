import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CallStore } from '../call-store.js';

export function ParticipantList({ store }: { readonly store: CallStore }) {
  const { t } = useTranslation();
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
    <section className="participants" aria-label={t('call.participants')}>
      <h2>{t('call.people', { count: others.length + 1 })}</h2>
      <ul>
        <li data-testid="participant-self">{t('call.you', { name: displayName })}</li>
        {others.map((participant) => (
          <li key={participant.id} data-testid="participant" data-talking={participant.talking} data-audio-muted={participant.audioMuted} data-video-muted={participant.videoMuted}>
            {participant.displayName}
          </li>
        ))}
      </ul>
    </section>
  );
}
