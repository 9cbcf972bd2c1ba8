import { z } from 'zod';
import { JanusRequestError, VideoRoomErrorCode } from '../janus/janus-request-error.js';
import { openJanusSession, type JanusSession } from '../janus/janus-session.js';
import { VideoRoomHandle } from '../janus/videoroom-handle.js';

/** VideoRoom's `list`: each room with its `record` flag, which `enable_recording` sets. */
const RoomListSchema = z.object({
  list: z.array(z.object({ room: z.union([z.string(), z.number()]).transform(String), record: z.boolean().optional() })),
});

/** Whether `room` records, from a `list` answer; null when the answer is malformed. A room that is not listed does not exist yet, so it does not record. */
export function recordingOfList(answer: unknown, room: string): boolean | null {
  const parsed = RoomListSchema.safeParse(answer);
  if (!parsed.success) return null;
  return parsed.data.list.find((entry) => entry.room === room)?.record === true;
}

/** Janus's "missing secret" error: `enable_recording` in a room with a secret, sent without one. */
const MISSING_ELEMENT = 429;

/** Why a start or stop did not happen: the call's header says it in the user's language (`recording.<reason>_<action>`). */
export interface RecordingProblem {
  readonly reason: 'moderatorOnly' | 'failed' | 'unreachable';
  readonly action: 'start' | 'stop';
  /** What Janus said, for `failed`. */
  readonly detail: string;
}

export class RecordingRefused extends Error {
  constructor(readonly problem: RecordingProblem) {
    super(`${problem.reason} (${problem.action}): ${problem.detail}`);
    this.name = 'RecordingRefused';
  }
}

/** What a refusal of `enable_recording` means: no secret or a wrong one is a moderator's job; anything else is a failure. */
export function recordingRefusal(error: unknown, record: boolean): RecordingProblem {
  const code = error instanceof JanusRequestError ? error.code : undefined;
  const action = record ? 'start' : 'stop';
  if (code === MISSING_ELEMENT || code === VideoRoomErrorCode.unauthorized) return { reason: 'moderatorOnly', action, detail: '' };
  return { reason: 'failed', action, detail: error instanceof Error ? error.message : String(error) };
}

/**
 * A Janus session of its own for a room's recording: asking whether it
 * records and switching it. It stays apart from the call's session, so
 * that it can ask before we publish anything, and so that the call's
 * reconnects do not have to know about it.
 */
export class RecordingLink {
  private constructor(
    private readonly janus: JanusSession,
    private readonly handle: VideoRoomHandle,
  ) {}

  static async open(janusUrl: string, warn: (problem: string) => void = () => undefined): Promise<RecordingLink> {
    const janus = await openJanusSession(janusUrl);
    try {
      return new RecordingLink(janus, await VideoRoomHandle.attach(janus.session, warn));
    } catch (error) {
      await janus.close().catch(() => undefined);
      throw error;
    }
  }

  get closed(): Promise<void> {
    return this.janus.closed;
  }

  async isRecording(room: string): Promise<boolean> {
    const recording = recordingOfList(await this.handle.request({ request: 'list' }), room);
    if (recording === null) throw new Error('Janus described its rooms in a form we do not know');
    return recording;
  }

  /** Starts or stops the room's recording; Janus checks the secret, and a refusal is thrown as a RecordingRefused. */
  async setRecording(room: string, secret: string | undefined, record: boolean): Promise<void> {
    try {
      await this.handle.request({ request: 'enable_recording', room, record, ...(secret ? { secret } : {}) });
    } catch (error) {
      throw new RecordingRefused(recordingRefusal(error, record));
    }
  }

  close(): Promise<void> {
    return this.janus.close();
  }
}

/** Asks Janus once whether `room` records now: before joining, so that nobody publishes unawares. */
export async function roomIsRecording(janusUrl: string, room: string): Promise<boolean> {
  const link = await RecordingLink.open(janusUrl);
  try {
    return await link.isRecording(room);
  } finally {
    await link.close().catch(() => undefined);
  }
}
