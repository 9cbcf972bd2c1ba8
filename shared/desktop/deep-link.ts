import { z } from 'zod';
import { RoomNameSchema } from '../call/join-request.js';
import { InviteSchema } from '../control/join-ticket.js';

/** A `confer://join/<room>?server=<url>&invite=<invite>` link, after the main process validated it. */
export const DeepLinkJoinSchema = z.strictObject({
  room: RoomNameSchema,
  /** The server the link was made for, when it names one (an http(s) origin). */
  server: z.url({ protocol: /^https?$/ }).nullable(),
  /** A control plane's invite to the room (deploy/control/cli.ts writes such links): it goes where the lobby takes the room's PIN. */
  invite: InviteSchema.optional(),
});
export type DeepLinkJoin = z.infer<typeof DeepLinkJoinSchema>;

/**
 * A link as the call window receives it. `leaveCall`: the user already
 * agreed to leave the call they are in for it (the desktop app asks before
 * delivering); without it the call window asks itself.
 */
export const DeepLinkOpenSchema = DeepLinkJoinSchema.extend({ leaveCall: z.boolean() });
export type DeepLinkOpen = z.infer<typeof DeepLinkOpenSchema>;
