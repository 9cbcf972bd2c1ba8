import { useEffect, useState } from 'react';
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
  const [lines, setLines] = useState<readonly Announcement[]>([]);
  useEffect(() => {
    const tracker = createActivityTracker();
    let key = 0;
    const add = (texts: readonly string[]) => {
      if (texts.length > 0) setLines((now) => [...now, ...texts.map((text) => ({ key: (key += 1), text }))].slice(-KEPT_ANNOUNCEMENTS));
    };
    return store.subscribe((state, previous) => {
      const texts = tracker.next(previous, state).map(describeActivity);
      if (previous.audioModerated && !state.audioModerated && state.phase === 'in-call') texts.push('A moderator unmuted you: turn your microphone on when you are ready.');
      const failed = state.roomChat.chat.filter((entry) => entry.delivery === 'failed' && previous.roomChat.chat.find((before) => before.id === entry.id)?.delivery === 'queued');
      if (failed.length > 0) texts.push('Your message could not be sent: the connection did not come back.');
      add(texts);
    });
  }, [store]);
  return lines;
}

/**
 * What the room does, told without looking: chat from others, hands,
 * people joining and leaving go to a polite live region; a moderator's mute
 * is shown and read at once, and stays while it lasts.
 */
export function CallAnnouncements({ store }: { readonly store: CallStore }) {
  const moderated = useStore(store, (state) => state.audioModerated);
  const lines = useAnnouncements(store);
  return (
    <>
      <div className="notices" role="alert" data-testid="room-notices">
        {moderated && (
          <p className="notice notice-warn" data-testid="moderator-muted">
            A moderator muted your microphone. The others cannot hear you until a moderator unmutes you.
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
