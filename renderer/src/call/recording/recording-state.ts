import { createStore, type StoreApi } from 'zustand/vanilla';
import { RoomNameSchema, type JoinRequest } from '../../../../shared/call/join-request.js';
import type { RoomAccess } from '../call-engine.js';
import type { CallStore } from '../call-store.js';
import { RecordingLink, RecordingRefused, type RecordingProblem } from './room-recording.js';

export interface RecordingState {
  /** Whether the call's room records now, as Janus last said; false outside a call. */
  readonly recording: boolean;
  /** A start or stop is on its way to Janus. */
  readonly switching: boolean;
  /** Why the last start or stop did not happen. */
  readonly problem: RecordingProblem | null;
  /** A join held back because the room records: it goes on only once the person agrees. */
  readonly consent: { readonly request: JoinRequest; readonly access: RoomAccess | undefined } | null;
  /** The room whose recordings the library shows, while it is open. */
  readonly libraryRoom: string | null;
}

export type RecordingStore = StoreApi<RecordingState>;

/** `?recordings=<room>` opens the room's recordings at start (the web build's link to them). */
export function recordingsLaunch(search: string): string | null {
  const room = new URLSearchParams(search).get('recordings');
  return room !== null && RoomNameSchema.safeParse(room).success ? room : null;
}

export function createRecordingStore(libraryRoom: string | null = null): RecordingStore {
  return createStore<RecordingState>(() => ({ recording: false, switching: false, problem: null, consent: null, libraryRoom }));
}

/** Janus sends no event when recording starts or stops: everyone asks this often, so the indicator follows within this. */
export const RECORDING_POLL_MS = 1500;

/**
 * The recording of the call we are in: a link to Janus opened when the
 * call starts and closed when it ends, asked every RECORDING_POLL_MS
 * whether the room records, and used to start and stop recording with the
 * room's secret.
 */
export class RecordingController {
  private link: RecordingLink | null = null;
  private opening: Promise<RecordingLink | null> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private secret: string | undefined;
  private room: string | null = null;

  constructor(
    private readonly janusUrl: string,
    readonly store: RecordingStore,
    calls: CallStore,
    /** We started the recording: what the room shows now (the board) goes into it. */
    private readonly onStarted: () => void = () => undefined,
  ) {
    calls.subscribe((state, previous) => {
      const inCall = state.phase === 'in-call' || state.phase === 'reconnecting';
      const wasInCall = previous.phase === 'in-call' || previous.phase === 'reconnecting';
      if (inCall && !wasInCall && state.room) this.follow(state.room);
      if (!inCall && wasInCall) this.forget();
    });
  }

  /** The secret of the call being joined: Janus checks it when we start or stop. */
  useSecret(secret: string | undefined): void {
    this.secret = secret;
  }

  async setRecording(record: boolean): Promise<void> {
    const room = this.room;
    if (!room || this.store.getState().switching) return;
    this.store.setState({ switching: true, problem: null });
    try {
      const action = record ? 'start' : 'stop';
      const link = await this.ensureLink();
      if (!link) throw new RecordingRefused({ reason: 'unreachable', action, detail: '' });
      await link.setRecording(room, this.secret, record);
      if (record) this.onStarted();
      this.store.setState({ recording: record });
    } catch (error) {
      const problem: RecordingProblem = error instanceof RecordingRefused ? error.problem : { reason: 'failed', action: record ? 'start' : 'stop', detail: String(error) };
      this.store.setState({ problem });
    } finally {
      this.store.setState({ switching: false });
    }
  }

  private follow(room: string): void {
    this.room = room;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), RECORDING_POLL_MS);
  }

  private forget(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.room = null;
    const link = this.link;
    this.link = null;
    this.opening = null;
    void link?.close().catch(() => undefined);
    this.store.setState({ recording: false, switching: false, problem: null });
  }

  private async poll(): Promise<void> {
    const room = this.room;
    const link = await this.ensureLink();
    if (!link || room === null || room !== this.room) return;
    const recording = await link.isRecording(room).catch(() => null);
    if (recording !== null && room === this.room && !this.store.getState().switching) this.store.setState({ recording });
  }

  /** One link at a time; a lost one (Janus restarted) is opened again on the next use. */
  private ensureLink(): Promise<RecordingLink | null> {
    if (this.link) return Promise.resolve(this.link);
    this.opening ??= RecordingLink.open(this.janusUrl)
      .then((link) => {
        if (this.room === null) {
          void link.close();
          return null;
        }
        this.link = link;
        void link.closed.then(() => {
          if (this.link === link) this.link = null;
        });
        return link;
      })
      .catch(() => null)
      .finally(() => {
        this.opening = null;
      });
    return this.opening;
  }
}
