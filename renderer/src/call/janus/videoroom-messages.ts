import { z } from 'zod';

/** Janus sends numeric ids, or strings when the plugin runs with `string_ids`: both become strings here. */
const FeedId = z.union([z.string().min(1).max(256), z.number().int().nonnegative()]).transform(String);
const Display = z.string().max(256).optional();

/** One stream of a publisher, as Janus lists it in `joined` and `publishers` events. */
const PublisherStreamSchema = z.looseObject({
  type: z.enum(['audio', 'video', 'data']),
  mid: z.string().max(64),
  disabled: z.boolean().optional(),
  description: z.string().max(256).optional(),
  simulcast: z.boolean().optional(),
  /** Audio a moderator muted: Janus no longer relays it. */
  moderated: z.boolean().optional(),
});
export type PublisherStream = z.infer<typeof PublisherStreamSchema>;

const PublisherSchema = z.looseObject({
  id: FeedId,
  display: Display,
  talking: z.boolean().optional(),
  streams: z.array(PublisherStreamSchema).max(64).default([]),
});

/** One m-line of a multistream subscription and the publisher stream it carries. */
const SubscriptionStreamSchema = z.looseObject({
  mid: z.string().max(64),
  type: z.enum(['audio', 'video', 'data']),
  feed_id: FeedId.optional(),
  feed_mid: z.string().max(64).optional(),
  active: z.boolean().optional(),
});
export type SubscriptionStream = z.infer<typeof SubscriptionStreamSchema>;
const AttendeeSchema = z.looseObject({ id: FeedId, display: Display });

/** `leaving` and `unpublished` carry "ok" when they confirm our own request instead of naming a feed. */
const FeedOrOk = z.union([z.literal('ok'), FeedId]);

export const VideoRoomEventSchema = z.discriminatedUnion('videoroom', [
  z.looseObject({
    videoroom: z.literal('joined'),
    room: FeedId,
    id: FeedId,
    private_id: z.number().optional(),
    publishers: z.array(PublisherSchema).max(1024).default([]),
    attendees: z.array(AttendeeSchema).max(1024).default([]),
  }),
  z.looseObject({
    videoroom: z.literal('event'),
    room: FeedId.optional(),
    publishers: z.array(PublisherSchema).max(1024).optional(),
    joining: AttendeeSchema.optional(),
    leaving: FeedOrOk.optional(),
    unpublished: FeedOrOk.optional(),
    kicked: FeedId.optional(),
    /** With `leaving: "ok"` sent to us: why we left ("kicked" by a moderator). */
    reason: z.string().max(64).optional(),
    error: z.string().optional(),
    error_code: z.number().optional(),
    configured: z.string().optional(),
    /** With `moderation`: the feed a moderator muted or unmuted (Janus tells that publisher itself). */
    id: FeedId.optional(),
    moderation: z.enum(['muted', 'unmuted']).optional(),
    mid: z.string().max(64).optional(),
  }),
  z.looseObject({
    videoroom: z.enum(['attached', 'updated']),
    room: FeedId.optional(),
    /** Absent when an update changed nothing that needs a renegotiation. */
    streams: z.array(SubscriptionStreamSchema).max(256).optional(),
  }),
  z.looseObject({ videoroom: z.enum(['talking', 'stopped-talking']), room: FeedId, id: FeedId }),
  z.looseObject({ videoroom: z.literal('destroyed'), room: FeedId }),
  z.looseObject({ videoroom: z.enum(['success', 'created', 'edited', 'participants', 'updating', 'slow_link']) }),
]);
export type VideoRoomEvent = z.infer<typeof VideoRoomEventSchema>;

/** The SDP Janus attaches to offers and answers. */
export const JsepSchema = z.strictObject({
  type: z.enum(['offer', 'answer']),
  sdp: z.string().max(512 * 1024),
  /** Janus marks simulcast and end-to-end encryption hints; kept for the peer connection code. */
  e2ee: z.boolean().optional(),
});

/** Reply to `listparticipants`. */
export const ParticipantListSchema = z.looseObject({
  videoroom: z.literal('participants'),
  participants: z.array(z.looseObject({ id: FeedId, display: Display, publisher: z.boolean().default(false) })).max(1024),
});

/** Reply to `list`: the rooms the server shows (private ones are left out), with the settings Confer reads. */
export const RoomListSchema = z.looseObject({
  videoroom: z.literal('success'),
  list: z.array(z.looseObject({ room: FeedId, audiolevel_event: z.boolean().optional() })).max(100_000),
});

/** Reply to `exists`. */
export const RoomExistsSchema = z.looseObject({ videoroom: z.literal('success'), exists: z.boolean() });

/** The `plugindata.data` of a Janus message, or null when the message carries none (acks, webrtcup, media…). */
export function pluginDataOf(message: Record<string, unknown>): unknown {
  const plugindata = message.plugindata;
  if (typeof plugindata !== 'object' || plugindata === null) return null;
  return (plugindata as { data?: unknown }).data ?? null;
}
