/**
 * The active speaker from audio levels measured by the client, for rooms
 * that send no `talking` events (a room created without
 * `audiolevel_event`, as Janus's stock rooms are). Pure: readings in,
 * speaker out.
 */

/** One audio stream's cumulative counters, as WebRTC stats give them (`totalAudioEnergy`, `totalSamplesDuration`). */
export interface LevelReading {
  readonly feedId: string;
  /** Sum over samples of the squared level (0 to 1, 1 being full scale) times the sample's duration, in seconds. */
  readonly totalEnergy: number;
  /** Seconds of audio counted. */
  readonly totalDuration: number;
}

export interface SpeakerPolicy {
  /** Mean level that counts as talking: -40 dBov, what Confer's own rooms ask of Janus (`audio_level_average`). */
  readonly talkingDbov: number;
  /** Talking this long makes a feed a candidate (about Janus's `audio_active_packets` of 1 s). */
  readonly startMs: number;
  /** Quiet this long ends a feed's turn, so a pause between words keeps the stage. */
  readonly stopMs: number;
}

export const DEFAULT_SPEAKER_POLICY: SpeakerPolicy = { talkingDbov: -40, startMs: 800, stopMs: 1600 };

interface FeedLevel {
  readonly totalEnergy: number;
  readonly totalDuration: number;
  /** Mean level over the last interval, in dBov. */
  readonly dbov: number;
  readonly loudSince: number | null;
  readonly quietSince: number | null;
  readonly talking: boolean;
}

export interface SpeakerState {
  readonly feeds: ReadonlyMap<string, FeedLevel>;
  /** The feed that talked last, kept through silence (as Janus's last `talking`); null before anyone talked. */
  readonly speaker: string | null;
}

export const initialSpeakerState: SpeakerState = { feeds: new Map(), speaker: null };

/** Mean level in dBov between two readings; silence (or no new audio) is -Infinity. */
function meanDbov(previous: FeedLevel | undefined, reading: LevelReading): number {
  const energy = reading.totalEnergy - (previous?.totalEnergy ?? 0);
  const duration = reading.totalDuration - (previous?.totalDuration ?? 0);
  if (!(duration > 0) || !(energy > 0)) return Number.NEGATIVE_INFINITY;
  // Energy over duration is the mean squared level: 10 log10 of it is the level in dB below full scale.
  return 10 * Math.log10(energy / duration);
}

function nextFeed(previous: FeedLevel | undefined, reading: LevelReading, nowMs: number, policy: SpeakerPolicy): FeedLevel {
  // Counters that went backwards belong to a new stream (a rejoin): start counting again from this reading.
  const restarted = previous !== undefined && (reading.totalDuration < previous.totalDuration || reading.totalEnergy < previous.totalEnergy);
  const dbov = previous === undefined || restarted ? Number.NEGATIVE_INFINITY : meanDbov(previous, reading);
  const loud = dbov >= policy.talkingDbov;
  const loudSince = loud ? (previous?.loudSince ?? nowMs) : null;
  const quietSince = loud ? null : (previous?.quietSince ?? nowMs);
  const wasTalking = previous?.talking ?? false;
  const talking = wasTalking ? quietSince === null || nowMs - quietSince < policy.stopMs : loudSince !== null && nowMs - loudSince >= policy.startMs;
  return { totalEnergy: reading.totalEnergy, totalDuration: reading.totalDuration, dbov, loudSince, quietSince, talking };
}

/**
 * Folds one round of readings in. The speaker keeps the floor while it is
 * talking; once it stops, the loudest feed that is talking takes it; with
 * nobody talking, the last speaker stays. Feeds absent from the readings
 * are forgotten.
 */
export function nextSpeaker(state: SpeakerState, readings: readonly LevelReading[], nowMs: number, policy: SpeakerPolicy = DEFAULT_SPEAKER_POLICY): SpeakerState {
  const feeds = new Map<string, FeedLevel>();
  for (const reading of readings) feeds.set(reading.feedId, nextFeed(state.feeds.get(reading.feedId), reading, nowMs, policy));
  const current = state.speaker === null ? undefined : feeds.get(state.speaker);
  if (current?.talking) return { feeds, speaker: state.speaker };
  let loudest: [string, FeedLevel] | null = null;
  for (const entry of feeds) {
    if (entry[1].talking && (loudest === null || entry[1].dbov > loudest[1].dbov)) loudest = entry;
  }
  return { feeds, speaker: loudest?.[0] ?? state.speaker };
}
