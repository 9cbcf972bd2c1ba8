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
