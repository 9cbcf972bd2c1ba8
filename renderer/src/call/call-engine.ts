import type { JoinRequest } from '../../../shared/call/join-request.js';
import type { CallStore } from './call-store.js';
import { openJanusSession, type JanusSession } from './janus/janus-session.js';
import { JanusRequestError, VideoRoomErrorCode } from './janus/janus-request-error.js';
import { VideoRoomHandle } from './janus/videoroom-handle.js';
import { RoomExistsSchema, type VideoRoomEvent } from './janus/videoroom-messages.js';
import { applyVideoRoomEvent } from './participants.js';
import { roomCreationRequest } from './room-settings.js';

export interface CallEngineOptions {
  readonly janusUrl: string;
  readonly store: CallStore;
  readonly warn?: (message: string) => void;
}

export interface CallEngine {
  join(request: JoinRequest): Promise<void>;
  leave(): Promise<void>;
}

/** Leaving must not hang on a server that stopped answering. */
const LEAVE_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T> | undefined, ms: number): Promise<T | undefined> {
  if (!promise) return Promise.resolve(undefined);
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

async function ensureRoom(handle: VideoRoomHandle, room: string): Promise<void> {
  const exists = RoomExistsSchema.safeParse(await handle.request({ request: 'exists', room }));
  if (exists.success && exists.data.exists) return;
  try {
    await handle.request(roomCreationRequest(room));
  } catch (error) {
    // Another participant created it between our two requests: that is the room we want.
    if (!(error instanceof JanusRequestError && error.code === VideoRoomErrorCode.roomExists)) throw error;
  }
}

/** Joins one VideoRoom and keeps the store's roster in step with Janus's events. */
export function createCallEngine({ janusUrl, store, warn = () => undefined }: CallEngineOptions): CallEngine {
  let janus: JanusSession | null = null;
  let handle: VideoRoomHandle | null = null;

  const onVideoRoomEvent = (event: VideoRoomEvent): void => {
    store.setState((state) => {
      const selfId = event.videoroom === 'joined' ? event.id : state.selfId;
      if (selfId === null) return state;
      return { selfId, roster: applyVideoRoomEvent(state.roster, event, selfId) };
    });
  };

  /**
   * Leaves explicitly and destroys the session: closing the socket alone
   * would leave a ghost in the room until Janus's reclaim timeout runs out.
   */
  async function leave(): Promise<void> {
    const closing = janus;
    const leavingHandle = handle;
    janus = null;
    handle = null;
    store.setState({ phase: 'idle', selfId: null, roster: {} });
    if (!closing) return;
    await withTimeout(leavingHandle?.request({ request: 'leave' }), LEAVE_TIMEOUT_MS).catch(() => undefined);
    await withTimeout(closing.session.destroy(), LEAVE_TIMEOUT_MS).catch(() => undefined);
    await closing.close().catch(() => undefined);
  }

  return {
    async join({ room, displayName }) {
      await leave();
      store.setState({ phase: 'joining', room, displayName, error: null });
      try {
        const session = await openJanusSession(janusUrl);
        janus = session;
        handle = await VideoRoomHandle.attach(session.session, warn);
        handle.onEvent(onVideoRoomEvent);
        await ensureRoom(handle, room);
        await handle.request({ request: 'join', ptype: 'publisher', room, display: displayName });
        store.setState({ phase: 'in-call' });
        void session.closed.then(() => {
          if (janus === session) store.setState({ phase: 'failed', error: 'The connection to the media server was lost.' });
        });
      } catch (error) {
        await leave();
        store.setState({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    },
    leave,
  };
}
