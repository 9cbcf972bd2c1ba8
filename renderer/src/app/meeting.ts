import type { ShellBridge } from '../../../shared/bridge.js';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import type { JoinRequest } from '../../../shared/call/join-request.js';
import { createShareAnnotations } from '../annotations/share-annotations.js';
import { createBoardLibrary } from '../board/board-library.js';
import { createCallEngine, type RoomAccess } from '../call/call-engine.js';
import { createCallStore } from '../call/call-store.js';
import { CALL_ONGOING, whenFirstRemoteFrame } from '../call/first-remote-frame.js';
import { createRecordingStore, RecordingController, recordingsLaunch } from '../call/recording/recording-state.js';
import { roomIsRecording } from '../call/recording/room-recording.js';
import { createBridgedTransport } from '../sync/call-room/bridged-transport.js';
import { createCallChannel } from '../sync/call-room/call-channel.js';
import { createWebrtcTransport } from '../sync/webrtc-transport.js';
import { callBridgeElection, createCallLink } from './call-link.js';

/**
 * A meeting is a call and its board, joined and left together. Components
 * read the stores; only this object changes them. The board can also be
 * opened without a call (offline, from the board list).
 */
export function createMeeting(config: RuntimeConfig, bridge: Pick<ShellBridge, 'updateOverlay'>) {
  const callStore = createCallStore();
  const engine = createCallEngine({ config, store: callStore, warn: (message) => console.warn(message) });
  // In a call, documents go through Janus: up once, fanned out to the room, behind the room's own access.
  const callChannel = createCallChannel(createCallLink(engine, callStore));
  // Outside a call, boards find their peers over y-webrtc; one caller links the call's board to them.
  const outsideCall = createWebrtcTransport(config);
  /** Whether the call's board may be reached from outside the call: only when the room has no PIN. */
  let boardOpenToOutside = false;
  const boardInCall = createBridgedTransport(callChannel, outsideCall, callBridgeElection(callStore, () => boardOpenToOutside));
  const boards = createBoardLibrary(outsideCall);
  const annotations = createShareAnnotations({ calls: callStore, transport: callChannel, bridge });
  // Janus records only what is sent after the start: the board as it was then goes in as one snapshot.
  const recording = new RecordingController(config.janusUrl, createRecordingStore(recordingsLaunch(window.location.search)), callStore, () => callChannel.recordSnapshots());
  recording.store.subscribe((state) => engine.layers.keepEveryLayer(state.recording));
  /** Counts joins, so that a board whose call was left (or joined again) while it waited does not open. */
  let joins = 0;
  // A call that ends by itself (removed by a moderator, failed for good) takes its board along, so the lobby shows why.
  callStore.subscribe((state, previous) => {
    if (state.phase === 'failed' && previous.phase !== 'failed') void boards.close(true);
  });

  return {
    callStore,
    boards,
    boardSyncStatus: boards.syncStatus,
    /** Annotations on screen shares: they follow the call on their own. */
    annotations,
    /** The call's own controls (devices, layout, tiles, moderation), for the call components. */
    call: engine,
    /** The call's recording: its state, its switch, and the question asked before joining a room that records. */
    recording,
    /** Where the room's recordings are listed and played; none without a recordings server. */
    recordingsUrl: config.recordingsUrl,
    /** Joins go through the control plane: the lobby's PIN field takes its PINs and invites. */
    throughControlPlane: config.controlPlaneUrl !== undefined,
    /**
     * Joins a room; one that records is asked about first (nothing is
     * published until the person agrees, and `recordingAccepted` says they did).
     */
    async join(request: JoinRequest, access?: RoomAccess, recordingAccepted = false): Promise<void> {
      recording.store.setState({ consent: null });
      // Asked while the call's session opens, so it costs the join no time; nothing is published before the answer.
      // A Janus that cannot be asked cannot be joined either: the join says why.
      const recordingChecked = recordingAccepted ? Promise.resolve(false) : roomIsRecording(config.janusUrl, request.room).catch(() => false);
      const mayPublish = async (): Promise<boolean> => {
        if (!(await recordingChecked)) return true;
        recording.store.setState({ consent: { request, access } });
        return false;
      };
      recording.useSecret(access?.secret);
      const attempt = (joins += 1);
      boardOpenToOutside = !access?.pin;
      await engine.join(request, access, mayPublish);
      // The room's board opens once the room let us in: a wrong PIN leaves the lobby and its error, and no stray board.
      if (callStore.getState().phase !== 'in-call') return;
      // The board (disk restore, peer connections) waits for the first remote frame: joining shows faces first.
      await whenFirstRemoteFrame(callStore);
      if (attempt === joins && CALL_ONGOING.has(callStore.getState().phase)) await boards.open(request.room, request.displayName, boardInCall);
    },
    async leave(): Promise<void> {
      await boards.close(true);
      await engine.leave();
    },
    setAudioMuted: (muted: boolean) => engine.setAudioMuted(muted),
    setVideoMuted: (muted: boolean) => engine.setVideoMuted(muted),
    startScreenShare: () => engine.startScreenShare(),
    stopScreenShare: () => engine.stopScreenShare(),
  };
}

export type Meeting = ReturnType<typeof createMeeting>;
