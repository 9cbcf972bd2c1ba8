import { z } from 'zod';
import type { ShellMessages } from './shell-messages.js';

const Name = z.string().min(1).max(64);

/**
 * Something others did in the call that may deserve a system notification,
 * as the call window reports it to the main process.
 */
export const ActivityNoticeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('chat'), name: Name, text: z.string().min(1).max(2000) }),
  z.strictObject({ kind: z.literal('hand'), name: Name }),
  z.strictObject({ kind: z.literal('joined'), name: Name }),
  z.strictObject({ kind: z.literal('waiting'), name: Name }),
]);
export type ActivityNotice = z.infer<typeof ActivityNoticeSchema>;

export interface NotificationContext {
  /** The call window has focus: the user sees the room already. */
  readonly focused: boolean;
  /** The user chose do-not-disturb. */
  readonly doNotDisturb: boolean;
}

export interface SystemNotification {
  readonly title: string;
  readonly body: string;
}

/** A notification shows a glance of a message, not a page of it. */
const MAX_BODY = 200;

const glance = (text: string) => (text.length > MAX_BODY ? `${text.slice(0, MAX_BODY - 1)}…` : text);

/**
 * Whether an activity becomes a system notification, and its words (in
 * the user's language): only while the call window is not focused, and
 * never during do-not-disturb.
 */
export function notificationFor(activity: ActivityNotice, context: NotificationContext, words: ShellMessages['notification']): SystemNotification | null {
  if (context.focused || context.doNotDisturb) return null;
  switch (activity.kind) {
    case 'chat':
      return { title: activity.name, body: glance(activity.text) };
    case 'hand':
      return { title: words.handTitle, body: words.hand(activity.name) };
    case 'joined':
      return { title: words.joinedTitle, body: words.joined(activity.name) };
    case 'waiting':
      return { title: words.waitingTitle, body: words.waiting(activity.name) };
  }
}
