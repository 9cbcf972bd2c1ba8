import { DisplayNameSchema, RoomNameSchema } from '../../../shared/call/join-request.js';

export interface LaunchParams {
  readonly room?: string;
  readonly displayName?: string;
  /** The room's PIN, or a control plane's invite (`?invite=`), as an invitation link may carry it: the lobby's PIN field takes both. */
  readonly pin?: string;
  /** Join straight away: the web twin of a `confer://join/<room>` deep link. */
  readonly autoJoin: boolean;
}

/** Reads `?room=<room>&name=<name>&join=1`, optionally `&pin=<pin>` or `&invite=<invite>`. Invalid values are dropped, so the lobby asks for them instead. */
export function parseLaunchParams(search: string): LaunchParams {
  const params = new URLSearchParams(search);
  const room = RoomNameSchema.safeParse(params.get('room') ?? '');
  const name = DisplayNameSchema.safeParse(params.get('name') ?? '');
  const pin = params.get('pin') ?? params.get('invite');
  const validPin = pin !== null && pin.length > 0 && pin.length <= 128 && !/\p{Cc}/u.test(pin);
  const valid = {
    ...(room.success ? { room: room.data } : {}),
    ...(name.success ? { displayName: name.data } : {}),
    ...(validPin ? { pin } : {}),
  };
  return { ...valid, autoJoin: params.get('join') === '1' && room.success && name.success };
}
