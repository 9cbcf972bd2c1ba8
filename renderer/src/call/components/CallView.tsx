import { useStore } from 'zustand';
import type { BoardConnectionStore } from '../../board/board-connection.js';
import type { CallStore } from '../call-store.js';
import { ParticipantList } from './ParticipantList.js';

interface CallViewProps {
  readonly callStore: CallStore;
  readonly boardStore: BoardConnectionStore;
  readonly onLeave: () => void;
}

const SIGNALING_LABEL = { connecting: 'Connecting…', connected: 'Connected', disconnected: 'Offline' } as const;

export function CallView({ callStore, boardStore, onLeave }: CallViewProps) {
  const room = useStore(callStore, (state) => state.room);
  const signaling = useStore(boardStore, (state) => state.signaling);
  return (
    <main className="call">
      <header className="call-header">
        <h1 data-testid="room-name">{room}</h1>
        <span className={`status status-${signaling}`} data-testid="signaling-status" data-status={signaling}>
          Board sync: {SIGNALING_LABEL[signaling]}
        </span>
        <button type="button" className="leave" onClick={onLeave}>
          Leave
        </button>
      </header>
      <ParticipantList store={callStore} />
    </main>
  );
}
