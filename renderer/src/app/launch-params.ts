import { DisplayNameSchema, RoomNameSchema } from '../../../shared/call/join-request.js';

export interface LaunchParams {
  readonly room?: string;
  readonly displayName?: string;
  /** Join straight away: the web twin of a `confer://join/<room>` deep link. */
  readonly autoJoin: boolean;
}

/** Reads `?room=<room>&name=<name>&join=1`. Invalid values are dropped, so the lobby asks for them instead. */
export function parseLaunchParams(search: string): LaunchParams {
  const params = new URLSearchParams(search);
  const room = RoomNameSchema.safeParse(params.get('room') ?? '');
  const name = DisplayNameSchema.safeParse(params.get('name') ?? '');
  const valid = { ...(room.success ? { room: room.data } : {}), ...(name.success ? { displayName: name.data } : {}) };
  return { ...valid, autoJoin: params.get('join') === '1' && room.success && name.success };
}
