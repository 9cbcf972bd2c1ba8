import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import type { RecordingManifest } from '../../shared/recording/recording-manifest.js';
import type { JanusRooms } from './janus-rooms.js';
import { parseMjrFileName } from './mjr.js';
import { processRecording } from './post-process.js';
import { recordingIdOf } from './timeline.js';

export interface RecordingWatcherOptions {
  /** Janus's working folder, where it writes .mjr files; processed recordings go to `<room>/<id>/` below it. */
  readonly recordingsDirectory: string;
  readonly connect: () => Promise<JanusRooms>;
  readonly logFile: string;
  readonly intervalMs?: number;
}

export interface RecordingStatus {
  readonly processing: ReadonlySet<string>;
  readonly failed: ReadonlyMap<string, string>;
}

/** Janus answers `list` in a millisecond: a second between looks is cheap, and quick enough after a stop. */
const DEFAULT_INTERVAL_MS = 1000;

/**
 * Janus tells nobody when a room stops recording, so the stack looks: every
 * second it asks which rooms record, remembers the names of who is in
 * them, and once a room with .mjr files in Janus's folder no longer records
 * (stopped, or the room is gone), moves the files to `<room>/<id>/raw/` and
 * processes them.
 */
export class RecordingWatcher {
  private janus: JanusRooms | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The look in progress, if any: a slow Janus makes looks skip, not pile up. */
  private ticking: Promise<void> | null = null;
  /** Recordings being processed, by room: one at a time per room, while the looks go on. */
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly displays = new Map<string, Map<string, string>>();
  private readonly statuses = new Map<string, { processing: Set<string>; failed: Map<string, string> }>();

  constructor(private readonly options: RecordingWatcherOptions) {}

  start(): void {
    this.timer = setInterval(() => {
      this.ticking ??= this.tick()
        .catch(() => undefined)
        .finally(() => {
          this.ticking = null;
        });
    }, this.options.intervalMs ?? DEFAULT_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    await Promise.all(this.running.values());
    this.janus?.close();
    this.janus = null;
  }

  status(room: string): RecordingStatus {
    return this.statuses.get(room) ?? { processing: new Set(), failed: new Map() };
  }

  /** One look at Janus and its folder; processing it starts runs on after the look. */
  async tick(): Promise<void> {
    // The folder first, Janus second: a recording that starts between the two has files this look has not seen,
    // where the other order would take a just-started recording's files for a stopped one's.
    const pending = await this.pendingFiles();
    let recording: Set<string>;
    try {
      this.janus ??= await this.options.connect();
      const states = await this.janus.recordingStates();
      recording = new Set(states.filter((state) => state.recording).map((state) => state.room));
      for (const room of recording) await this.rememberDisplays(room, this.janus);
    } catch {
      // Janus restarting: look again on the next tick with a new connection.
      this.janus?.close();
      this.janus = null;
      return;
    }
    for (const [room, files] of pending) {
      if (recording.has(room) || this.running.has(room)) continue;
      const processing = this.process(room, files).finally(() => this.running.delete(room));
      this.running.set(room, processing);
    }
  }

  private async rememberDisplays(room: string, janus: JanusRooms): Promise<void> {
    const known = this.displays.get(room) ?? new Map<string, string>();
    for (const [feedId, display] of await janus.displays(room)) known.set(feedId, display);
    this.displays.set(room, known);
  }

  /** The .mjr files waiting in Janus's folder, by room. */
  private async pendingFiles(): Promise<Map<string, Array<{ name: string; createdUs: number }>>> {
    const byRoom = new Map<string, Array<{ name: string; createdUs: number }>>();
    for (const name of await readdir(this.options.recordingsDirectory)) {
      const parsed = parseMjrFileName(name);
      if (!parsed) continue;
      byRoom.set(parsed.room, [...(byRoom.get(parsed.room) ?? []), { name, createdUs: parsed.createdUs }]);
    }
    return byRoom;
  }

  private async process(room: string, files: ReadonlyArray<{ name: string; createdUs: number }>): Promise<RecordingManifest | null> {
    const id = recordingIdOf(Math.min(...files.map((file) => file.createdUs)));
    const outputDirectory = path.join(this.options.recordingsDirectory, room, id);
    const rawDirectory = path.join(outputDirectory, 'raw');
    const status = this.statuses.get(room) ?? { processing: new Set<string>(), failed: new Map<string, string>() };
    this.statuses.set(room, status);
    status.processing.add(id);
    try {
      await mkdir(rawDirectory, { recursive: true });
      for (const file of files) await rename(path.join(this.options.recordingsDirectory, file.name), path.join(rawDirectory, file.name));
      return await processRecording({ room, id, rawDirectory, outputDirectory, displays: this.displays.get(room) ?? new Map(), logFile: this.options.logFile });
    } catch (error) {
      status.failed.set(id, error instanceof Error ? error.message.slice(0, 2000) : String(error));
      return null;
    } finally {
      status.processing.delete(id);
    }
  }
}
