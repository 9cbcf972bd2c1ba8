import type { CallStore } from '../call-store.js';
import { canSpeak } from '../participants.js';
import { Polling } from '../polling.js';
import type { CallSession } from '../session/call-session.js';
import { initialSpeakerState, nextSpeaker, type LevelReading, type SpeakerState } from './level-speaker.js';

/** Often enough for the 800 ms start of a turn to be seen within a step; getStats is cheap at this rate. */
const LEVEL_INTERVAL_MS = 400;

type Report = Record<string, unknown>;
const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The audio counters of a subscription's inbound streams (by the feed each
 * m-line carries) and of our own microphone (`media-source`, under our
 * feed id).
 */
export function levelReadings(incoming: RTCStatsReport, outgoing: RTCStatsReport, feedOfMid: (mid: string) => string | undefined, selfId: string | null): LevelReading[] {
  const readings: LevelReading[] = [];
  const add = (feedId: string | null | undefined, report: Report) => {
    const totalEnergy = finite(report.totalAudioEnergy);
    const totalDuration = finite(report.totalSamplesDuration);
    if (feedId && totalEnergy !== null && totalDuration !== null) readings.push({ feedId, totalEnergy, totalDuration });
  };
  incoming.forEach((report: Report) => {
    if (report.type === 'inbound-rtp' && report.kind === 'audio' && typeof report.mid === 'string') add(feedOfMid(report.mid), report);
  });
  outgoing.forEach((report: Report) => {
    if (report.type === 'media-source' && report.kind === 'audio') add(selfId, report);
  });
  return readings;
}

/**
 * Where the active speaker comes from. A room that sends `talking` events
 * (Confer's own rooms, or any with `audiolevel_event`) is trusted; for a
 * room that does not, or whose settings we cannot see until it sends one,
 * levels measured here decide.
 */
export class LevelSpeakerLoop {
  private readonly polling = new Polling(() => this.poll(), LEVEL_INTERVAL_MS);
  private state: SpeakerState = initialSpeakerState;
  /** What the room list said about `talking` events; null when it did not say. */
  private roomSendsTalking: boolean | null = null;
  private heardTalking = false;

  constructor(
    private readonly store: CallStore,
    private readonly session: () => Pick<CallSession, 'active' | 'readStats' | 'feedOfMid'> | null,
  ) {}

  /** True while the speaker is measured here rather than told by Janus. */
  get measuring(): boolean {
    return this.roomSendsTalking === false || (this.roomSendsTalking === null && !this.heardTalking);
  }

  /** The session learnt whether the room sends `talking` events. */
  talkingEvents(sent: boolean | null): void {
    this.roomSendsTalking = sent;
  }

  /** Janus sent a `talking` event: the room tells its speakers itself. */
  heardTalkingEvent(): void {
    this.heardTalking = true;
  }

  start(): void {
    this.polling.start();
  }

  /** Stops measuring and forgets the room: the next call learns its own. */
  stop(): void {
    this.polling.stop();
    this.state = initialSpeakerState;
    this.roomSendsTalking = null;
    this.heardTalking = false;
  }

  private async poll(): Promise<void> {
    const session = this.session();
    if (!this.measuring || !session?.active) return;
    const reports = await session.readStats();
    if (!reports || !this.measuring || session !== this.session()) return;
    const { roster, selfId } = this.store.getState();
    const speakerOfMid = (mid: string) => {
      const feedId = session.feedOfMid(mid);
      return feedId !== undefined && canSpeak(roster, feedId) ? feedId : undefined;
    };
    const readings = levelReadings(reports.incoming, reports.outgoing, speakerOfMid, selfId);
    this.state = nextSpeaker(this.state, readings, performance.now());
    if (this.state.speaker !== this.store.getState().activeSpeakerId) this.store.setState({ activeSpeakerId: this.state.speaker });
  }
}
