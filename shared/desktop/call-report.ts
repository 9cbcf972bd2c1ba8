import { z } from 'zod';
import { RoomNameSchema } from '../call/join-request.js';

/** What the call window reports to the main process whenever the call changes. */
export const CallReportSchema = z.strictObject({
  /** In a call, including while it reconnects: the shell keeps behaving as in a call. */
  inCall: z.boolean(),
  /** The call is recovering its connection ("Reconnecting…"); always false outside a call. */
  reconnecting: z.boolean(),
  room: RoomNameSchema.nullable(),
  audioMuted: z.boolean(),
  screenSharing: z.boolean(),
});
export type CallReport = z.infer<typeof CallReportSchema>;

/** Commands the tray, the global shortcuts and the mini window send to the call window. */
export const CallCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('toggle-audio') }),
  z.strictObject({ kind: z.literal('set-audio-muted'), muted: z.boolean() }),
  z.strictObject({ kind: z.literal('stop-screen-share') }),
  z.strictObject({ kind: z.literal('leave-call') }),
]);
export type CallCommand = z.infer<typeof CallCommandSchema>;

/** What the mini call window may ask for: the call commands, and bringing the main window back. */
export const MiniWindowCommandSchema = z.union([CallCommandSchema, z.strictObject({ kind: z.literal('show-window') })]);
export type MiniWindowCommand = z.infer<typeof MiniWindowCommandSchema>;
