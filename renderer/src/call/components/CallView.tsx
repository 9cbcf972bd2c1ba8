import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SyncStatusStore } from '../../sync/sync-status.js';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';
import '../call.css';
import { nextLayout, toggleWhiteboard } from '../layout/stage-plan.js';
import { CallAnnouncements } from './CallAnnouncements.js';
import { CallControls } from './CallControls.js';
import { CallKeyboardSwitch } from './CallKeyboardSwitch.js';
import { ChatPanel } from './ChatPanel.js';
import { ParticipantList } from './ParticipantList.js';
import { Stage } from './Stage.js';
import { StatsPanel } from './StatsPanel.js';
import type { ShareOverlay } from './Tile.js';

interface CallViewProps {
  readonly callStore: CallStore;
  readonly boardSyncStatus: SyncStatusStore;
  readonly engine: CallEngine;
  readonly onLeave: () => void;
  /** Drawn over every screen share, ours and others'. */
  readonly shareOverlay: ShareOverlay;
  /** The room's whiteboard once it is open, shown on the stage in the whiteboard layout. */
  readonly board: ReactNode | null;
  /** Controls the app adds to the header (diagnostics). */
  readonly headerExtras?: ReactNode;
}

const SIGNALING_LABEL = { connecting: 'Connecting…', connected: 'Connected', disconnected: 'Offline' } as const;

/** Single keys, ignored while typing in a field: M microphone, V camera, S screen, L layout, W whiteboard, H hand, I statistics. */
function useShortcuts(store: CallStore, engine: CallEngine, toggleStats: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // A key the board (or anything else) already handled is not a call shortcut.
      if (event.defaultPrevented) return;
      if (event.ctrlKey || event.metaKey || event.altKey || target?.closest('input, textarea, select, [contenteditable]')) return;
      const state = store.getState();
      if (!state.singleKeyShortcuts) return;
      switch (event.key.toLowerCase()) {
        case 'm':
          void engine.setAudioMuted(!state.audioMuted);
          break;
        case 'v':
          void engine.setVideoMuted(!state.videoMuted);
          break;
        case 's':
          void (state.screenSharing ? engine.stopScreenShare() : engine.startScreenShare());
          break;
        case 'l':
          engine.setLayout(nextLayout(state.layout));
          break;
        case 'w':
          engine.setLayout(toggleWhiteboard(state.layout));
          break;
        case 'h':
          engine.setHandRaised(!state.handRaised);
          break;
        case 'i':
          toggleStats();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, engine, toggleStats]);
}

function Notices({ store }: { readonly store: CallStore }) {
  const phase = useStore(store, (state) => state.phase);
  const audioOnly = useStore(store, (state) => state.audioOnly);
  const deviceProblem = useStore(store, (state) => state.deviceProblem);
  const mediaProblem = useStore(store, (state) => state.mediaProblem);
  return (
    <div className="notices">
      {phase === 'reconnecting' && (
        <p className="notice notice-warn" role="status" data-testid="reconnecting">
          Reconnecting to the meeting… your camera and microphone stay as they were.
        </p>
      )}
      {audioOnly && (
        <p className="notice notice-warn" role="status" data-testid="audio-only">
          Your connection is too slow for video: cameras are paused until it recovers. Shared screens stay on.
        </p>
      )}
      {mediaProblem && phase === 'in-call' && (
        <p className="notice notice-error" role="alert" data-testid="media-problem">
          {mediaProblem}
        </p>
      )}
      {deviceProblem && (
        <p className="notice notice-error" role="alert" data-testid="device-problem">
          {deviceProblem}
        </p>
      )}
    </div>
  );
}

export function CallView({ callStore, boardSyncStatus, engine, onLeave, shareOverlay, board, headerExtras }: CallViewProps) {
  const room = useStore(callStore, (state) => state.room);
  const signaling = useStore(boardSyncStatus, (state) => state.signaling);
  const phase = useStore(callStore, (state) => state.phase);
  const reconnects = useStore(callStore, (state) => state.reconnects);
  const [statsOpen, setStatsOpen] = useState(false);
  const [sideOpen, setSideOpen] = useState(true);
  const toggleStats = useCallback(() => setStatsOpen((open) => !open), []);
  useShortcuts(callStore, engine, toggleStats);
  // The statistics live in the side panel: asking for them shows it.
  const sideShown = sideOpen || statsOpen;
  const toggleSide = () => {
    setSideOpen(!sideShown);
    if (sideShown) setStatsOpen(false);
  };
  return (
    <main className="call" data-testid="call" data-phase={phase} data-reconnects={reconnects}>
      <header className="call-header">
        <h1 data-testid="room-name">{room}</h1>
        <span className={`status status-${signaling}`} data-testid="signaling-status" data-status={signaling}>
          Board sync: {SIGNALING_LABEL[signaling]}
        </span>
        <CallKeyboardSwitch store={callStore} />
        {headerExtras}
      </header>
      <Notices store={callStore} />
      <CallAnnouncements store={callStore} />
      <div className="call-body">
        <Stage store={callStore} engine={engine} shareOverlay={shareOverlay} board={board} />
        {sideShown && (
          <aside className="call-side" id="call-side" aria-label="People and chat">
            <ParticipantList store={callStore} />
            <ChatPanel store={callStore} engine={engine} />
            {statsOpen && <StatsPanel store={callStore} engine={engine} />}
          </aside>
        )}
      </div>
      <CallControls store={callStore} engine={engine} onLeave={onLeave} onStats={toggleStats} statsOpen={statsOpen} onSide={toggleSide} sideOpen={sideShown} />
    </main>
  );
}
