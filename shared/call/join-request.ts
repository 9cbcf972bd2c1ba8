import { z } from 'zod';

/** Room names appear in URLs, deep links and Janus ids: a conservative alphabet keeps them safe in all three. */
export const RoomNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Room names use letters, digits, ".", "_" and "-" (up to 64)');

export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(64, 'Names are at most 64 characters')
  .refine((name) => !/\p{Cc}/u.test(name), 'Names cannot contain control characters');

export const JoinRequestSchema = z.strictObject({ room: RoomNameSchema, displayName: DisplayNameSchema });
export type JoinRequest = z.infer<typeof JoinRequestSchema>;
