import type { CallReport } from '../../../shared/desktop/call-report.js';
import type { DeepLinkJoin, DeepLinkOpen } from '../../../shared/desktop/deep-link.js';
import type { ShellMessages } from '../../../shared/desktop/shell-messages.js';

export interface LeaveCallQuestion {
  readonly message: string;
  readonly detail: string;
  /** The first button leaves the call; the second (the default, and Escape) stays. */
  readonly buttons: readonly [string, string];
}

export function leaveCallQuestion(currentRoom: string, link: DeepLinkJoin, words: ShellMessages['linkDuringCall']): LeaveCallQuestion {
  return { message: words.question({ current: currentRoom, next: link.room }), detail: words.detail, buttons: [words.leave, words.stay] };
}

/**
 * A link that arrives during a call to another room asks before the call
 * is left: the link goes on to the call window only if the user agrees,
 * marked so that the window does not ask again. A link to the room we are
 * in, or outside a call, goes on as it is.
 */
export async function linkDuringCall(
  link: DeepLinkJoin,
  call: CallReport,
  ask: (question: LeaveCallQuestion) => Promise<boolean>,
  words: ShellMessages['linkDuringCall'],
): Promise<DeepLinkOpen | null> {
  if (!call.inCall || call.room === null || call.room === link.room) return { ...link, leaveCall: false };
  return (await ask(leaveCallQuestion(call.room, link, words))) ? { ...link, leaveCall: true } : null;
}
