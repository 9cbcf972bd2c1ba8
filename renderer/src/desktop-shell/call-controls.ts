import type { JoinRequest } from '../../../shared/call/join-request.js';
import type { RoomAccess } from '../call/session/room-entry.js';

/**
 * The part of the meeting the desktop shell drives: tray and shortcut
 * commands, deep links. Kept small so this folder does not depend on how
 * the call is built.
 */
export interface CallControls {
  /** `access.pin`: what a link carries for the lobby's PIN field (a control plane's invite). */
  join(request: JoinRequest, access?: RoomAccess): Promise<void>;
  leave(): Promise<void>;
  setAudioMuted(muted: boolean): Promise<void> | void;
  stopScreenShare(): Promise<void> | void;
}
