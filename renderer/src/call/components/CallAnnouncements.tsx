import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CallStore } from '../call-store.js';
import { createActivityTracker, describeActivity } from '../room-activity.js';
import './announcements.css';

/** Enough for a burst of messages to be read in turn; older lines leave the region. */
const KEPT_ANNOUNCEMENTS = 5;

interface Announcement {
  readonly key: number;
  readonly text: string;
}

/** Room activity as sentences, newest last, for the live region. */
function useAnnouncements(store: CallStore): readonly Announcement[] {
  const { t } = useTranslation();
  const [lines, setLines] = useState<readonly Announcement[]>([]);
  useEffect(() => {
    const tracker = createActivityTracker();
    let key = 0;
    const add = (texts: readonly string[]) => {
      if (texts.length > 0) setLines((now) => [...now, ...texts.map((text) => ({ key: (key += 1), text }))].slice(-KEPT_ANNOUNCEMENTS));
    };
    return store.subscribe((state, previous) => {
      const texts = tracker.next(previous, state).map((activity) => {
        const { key, values } = describeActivity(activity);
        return t(key, values);
      });
      if (previous.audioModerated && !state.audioModerated && state.phase === 'in-call') texts.push(t('announcements.unmutedByModerator'));
      const failed = state.roomChat.chat.filter((entry) => entry.delivery === 'failed' && previous.roomChat.chat.find((before) => before.id === entry.id)?.delivery === 'queued');
      if (failed.length > 0) texts.push(t('announcements.messageFailed'));
      add(texts);
    });
  }, [store, t]);
  return lines;
}

/**
 * What the room does, told without looking: chat from others, hands,
 * people joining and leaving go to a polite live region; a moderator's mute
 * is shown and read at once, and stays while it lasts.
 */
export function CallAnnouncements({ store }: { readonly store: CallStore }) {
  const { t } = useTranslation();
  const moderated = useStore(store, (state) => state.audioModerated);
  const lines = useAnnouncements(store);
  return (
    <>
      <div className="notices" role="alert" data-testid="room-notices">
        {moderated && (
          <p className="notice notice-warn" data-testid="moderator-muted">
            {t('announcements.mutedByModerator')}
          </p>
        )}
      </div>
      <div className="visually-hidden" aria-live="polite" data-testid="announcements">
        {lines.map((line) => (
          <p key={line.key}>{line.text}</p>
        ))}
      </div>
    </>
  );
}
