import { z } from 'zod';
import { CAMERA_ENCODINGS, type Substream } from './simulcast.js';

/**
 * Dynacast between clients: Janus relays whichever simulcast layer each
 * subscriber asks for but cannot tell a publisher that nobody asks for a
 * layer, so every subscriber announces, over the call's data channels, the
 * layer it wants of each camera (null: not on its screen), and each
 * publisher encodes only the layers someone wants.
 */

/** Announcements are repeated this often, so a newcomer hears them and a lost one heals. */
export const ANNOUNCE_EVERY_MS = 5_000;
/** An announcement older than this no longer counts: its sender is treated as wanting every layer. */
export const ANNOUNCEMENT_FRESH_MS = 3 * ANNOUNCE_EVERY_MS;
/**
 * A layer nobody wants is turned off only after nobody has wanted it for this long: a tile that grows and
 * shrinks again, or a subscriber whose switch down Janus has not made yet, never loses the layer it shows.
 */
export const TURN_OFF_AFTER_MS = 2_000;
const MAX_FEEDS = 64;

const SubstreamSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const FeedId = z.string().min(1).max(256);

export const LayerWantsSchema = z.strictObject({
  type: z.literal('layers'),
  from: FeedId,
  /** By camera feed id: the layer wanted, or null when that camera is not on the sender's screen. */
  wants: z.record(FeedId, SubstreamSchema.nullable()).refine((wants) => Object.keys(wants).length <= MAX_FEEDS, 'too many feeds'),
});
export type LayerWants = z.infer<typeof LayerWantsSchema>;

/** A data-channel payload that is a layer announcement, validated; null for anything else. */
export function parseLayerWants(data: string): LayerWants | null {
  // Cheap test first: every other room message is chat, a hand or a reaction.
  if (data.length > 32_000 || !data.includes('"layers"')) return null;
  try {
    const parsed = LayerWantsSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The top layer to encode: null sends no video at all. */
export type EncodedTop = Substream | null;

/**
 * Which of the camera's encodings (sent high to low, as CAMERA_ENCODINGS) are active for a top layer:
 * every layer up to it, so that Janus's fallback to a lower layer always finds one.
 */
export function activeEncodings(top: EncodedTop): boolean[] {
  return CAMERA_ENCODINGS.map((_encoding, index) => top !== null && CAMERA_ENCODINGS.length - 1 - index <= top);
}

/** What the publisher side decides: the top layer to encode now, and when to decide again (a turn-off waiting). */
export interface EncodingDecision {
  readonly top: EncodedTop;
  readonly recheckInMs: number | null;
}

/**
 * The publisher's side: what each other participant last announced, and
 * from it the top layer of our camera anyone wants. Someone who has not
 * announced (just arrived, or a client that does not announce) counts as
 * wanting every layer, as does a recording.
 */
export class LayerDemand {
  private readonly heard = new Map<string, { wants: LayerWants['wants']; at: number }>();
  /** The top layer applied; starts with every layer on, as the camera publishes. */
  private top: EncodedTop = 2;
  /** Since when fewer layers than applied have been wanted. */
  private lowerSince: number | null = null;

  record(message: LayerWants, now: number): void {
    this.heard.set(message.from, { wants: message.wants, at: now });
  }

  /** Keeps only the participants still in the room. */
  keep(present: ReadonlySet<string>): void {
    for (const from of this.heard.keys()) if (!present.has(from)) this.heard.delete(from);
  }

  /**
   * @param self our camera's feed id
   * @param others the other participants in the room, by feed id
   * @param everything a reason to encode every layer whatever is wanted (a recording)
   */
  decide(self: string, others: Iterable<string>, now: number, everything = false): EncodingDecision {
    const wanted = everything ? 2 : this.wantedTop(self, others, now);
    if (wanted === this.top || (wanted !== null && (this.top === null || wanted > this.top))) {
      this.top = wanted;
      this.lowerSince = null;
      return { top: this.top, recheckInMs: null };
    }
    this.lowerSince ??= now;
    const waited = now - this.lowerSince;
    if (waited < TURN_OFF_AFTER_MS) return { top: this.top, recheckInMs: TURN_OFF_AFTER_MS - waited };
    this.top = wanted;
    this.lowerSince = null;
    return { top: this.top, recheckInMs: null };
  }

  private wantedTop(self: string, others: Iterable<string>, now: number): EncodedTop {
    let top: EncodedTop = null;
    for (const other of others) {
      const heard = this.heard.get(other);
      const want = heard && now - heard.at <= ANNOUNCEMENT_FRESH_MS ? (heard.wants[self] ?? null) : 2;
      if (want !== null && (top === null || want > top)) top = want;
    }
    return top;
  }
}

/** The subscriber's side: the announcement of what we want, from the layer each shown camera gets. */
export function layerWants(from: string, cameras: Iterable<string>, shown: ReadonlyMap<string, Substream>): LayerWants {
  const wants: Record<string, Substream | null> = {};
  for (const feed of cameras) wants[feed] = shown.get(feed) ?? null;
  return { type: 'layers', from, wants };
}

/** Two announcements say the same. */
export function sameWants(a: LayerWants | null, b: LayerWants): boolean {
  if (!a || a.from !== b.from) return false;
  const keys = Object.keys(b.wants);
  return keys.length === Object.keys(a.wants).length && keys.every((key) => a.wants[key] === b.wants[key]);
}
