import { DisplayNameSchema, RoomNameSchema } from '../../../shared/call/join-request.js';

/** `?board=<room>&name=<name>` opens a board on its own, without a call: the web twin of opening it from the board list. */
export function parseBoardLaunch(search: string): { boardId: string; name: string } | null {
  const params = new URLSearchParams(search);
  const board = RoomNameSchema.safeParse(params.get('board') ?? '');
  const name = DisplayNameSchema.safeParse(params.get('name') ?? '');
  return board.success && name.success ? { boardId: board.data, name: name.data } : null;
}
