import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import type { JoinRequest } from '../../../shared/call/join-request.js';
import { connectBoard, createBoardConnectionStore, type BoardConnection } from '../board/board-connection.js';
import { createCallEngine, type RoomAccess } from '../call/call-engine.js';
import { createCallStore } from '../call/call-store.js';

/**
 * A meeting is a call and its board, joined and left together. Components
 * read the stores; only this object changes them.
 */
export function createMeeting(config: RuntimeConfig) {
  const callStore = createCallStore();
  const boardStore = createBoardConnectionStore();
  const engine = createCallEngine({ config, store: callStore, warn: (message) => console.warn(message) });
  let board: BoardConnection | null = null;

  return {
    callStore,
    boardStore,
    /** The call's own controls (devices, layout, tiles, moderation), for the call components. */
    call: engine,
    async join(request: JoinRequest, access?: RoomAccess): Promise<void> {
      board?.destroy();
      board = connectBoard(request.room, config, boardStore);
      await engine.join(request, access);
    },
    async leave(): Promise<void> {
      board?.destroy();
      board = null;
      await engine.leave();
    },
    setAudioMuted: (muted: boolean) => engine.setAudioMuted(muted),
    setVideoMuted: (muted: boolean) => engine.setVideoMuted(muted),
    startScreenShare: () => engine.startScreenShare(),
    stopScreenShare: () => engine.stopScreenShare(),
  };
}

export type Meeting = ReturnType<typeof createMeeting>;
