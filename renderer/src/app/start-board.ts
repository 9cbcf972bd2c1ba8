import { parseBoardLaunch } from '../board/board-launch.js';
import type { LaunchParams } from './launch-params.js';
import type { Meeting } from './meeting.js';

/**
 * The board shown at start without a call: the one the address asks for,
 * or the last one used (which works offline). None when a link joins a
 * call by itself or opens a room's recordings.
 */
export function startBoard(meeting: Meeting, launch: LaunchParams, search: string): { boardId: string; name: string } | null {
  if (launch.autoJoin && launch.room && launch.displayName) return null;
  if (meeting.recording.store.getState().libraryRoom !== null) return null;
  return parseBoardLaunch(search) ?? meeting.boards.lastBoard();
}
