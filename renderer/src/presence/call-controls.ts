import type { JoinRequest } from '../../../shared/call/join-request.js';

/**
 * The part of the meeting the desktop shell drives: tray and shortcut
 * commands, deep links. Kept small so this folder does not depend on how
 * the call is built.
 */
export interface CallControls {
  join(request: JoinRequest): Promise<void>;
  leave(): Promise<void>;
  setAudioMuted(muted: boolean): Promise<void> | void;
  stopScreenShare(): Promise<void> | void;
}

/**
 * Adapts a meeting to CallControls. The media methods arrive with the call
 * rewrite; until a meeting has them, the commands that need them are
 * logged instead of failing.
 */
export function callControlsOf(meeting: Pick<CallControls, 'join' | 'leave'> & Partial<CallControls>): CallControls {
  const missing = (name: string) => () => console.warn(`this build's meeting has no ${name} yet`);
  return {
    join: (request) => meeting.join(request),
    leave: () => meeting.leave(),
    setAudioMuted: meeting.setAudioMuted ? (muted) => meeting.setAudioMuted!(muted) : missing('setAudioMuted'),
    stopScreenShare: meeting.stopScreenShare ? () => meeting.stopScreenShare!() : missing('stopScreenShare'),
  };
}
