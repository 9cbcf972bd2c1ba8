import type { ShellBridge, Unsubscribe } from '../../../shared/bridge.js';
import type { ActivityNotice } from '../../../shared/desktop/call-notification.js';
import { createActivityTracker, type ActivityView, type RoomActivity } from '../call/room-activity.js';

/** Chat, hands, joins and people waiting to be let in may become notifications; people leaving never do. */
export function noticeOf(activity: RoomActivity): ActivityNotice | null {
  const name = activity.name.slice(0, 64);
  if (!name) return null;
  switch (activity.kind) {
    case 'chat':
      return { kind: 'chat', name, text: activity.text.slice(0, 2000) };
    case 'hand':
    case 'joined':
    case 'waiting':
      return { kind: activity.kind, name };
    case 'left':
      return null;
  }
}

/**
 * Tells the shell what others did in the call; the shell decides whether
 * that becomes a system notification (window in the background, no
 * do-not-disturb).
 */
export function connectActivityNotifications(bridge: Pick<ShellBridge, 'notifyActivity'>, calls: { getState(): ActivityView; subscribe(listener: () => void): Unsubscribe }): Unsubscribe {
  const tracker = createActivityTracker();
  let previous: ActivityView = calls.getState();
  return calls.subscribe(() => {
    const next = calls.getState();
    const activities = tracker.next(previous, next);
    previous = next;
    for (const activity of activities) {
      const notice = noticeOf(activity);
      if (notice) bridge.notifyActivity(notice).catch((error: unknown) => console.warn('could not pass on a call notification', error));
    }
  });
}
