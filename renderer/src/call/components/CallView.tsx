import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { SyncStatusStore } from '../../sync/sync-status.js';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';
import '../call.css';
import { REACTIONS } from '../chat/room-messages.js';
import { CallAnnouncements } from './CallAnnouncements.js';
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
}

const SIGNALING_LABEL = { connecting: 'Connecting…', connected: 'Connected', disconnected: 'Offline' } as const;

/** Single keys, ignored while typing in a field: M microphone, V camera, S screen, L layout, H hand, I statistics. */
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
          engine.setLayout(state.layout === 'grid' ? 'speaker' : 'grid');
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

function Controls({ store, engine, onLeave, onStats }: { readonly store: CallStore; readonly engine: CallEngine; readonly onLeave: () => void; readonly onStats: () => void }) {
  const audioMuted = useStore(store, (state) => state.audioMuted);
  const videoMuted = useStore(store, (state) => state.videoMuted);
  const sharing = useStore(store, (state) => state.screenSharing);
  const layout = useStore(store, (state) => state.layout);
  const handRaised = useStore(store, (state) => state.handRaised);
  const cameras = useStore(store, (state) => state.cameras);
  const microphones = useStore(store, (state) => state.microphones);
  const cameraId = useStore(store, (state) => state.cameraId);
  const microphoneId = useStore(store, (state) => state.microphoneId);
  return (
    <footer className="call-controls">
      <button type="button" className={audioMuted ? 'off' : ''} aria-pressed={audioMuted} data-testid="toggle-mic" onClick={() => void engine.setAudioMuted(!audioMuted)} title="Microphone (M)">
        {audioMuted ? 'Unmute' : 'Mute'}
      </button>
      <button type="button" className={videoMuted ? 'off' : ''} aria-pressed={videoMuted} data-testid="toggle-camera" onClick={() => void engine.setVideoMuted(!videoMuted)} title="Camera (V)">
        {videoMuted ? 'Start video' : 'Stop video'}
      </button>
      <button type="button" aria-pressed={sharing} data-testid="toggle-screen" onClick={() => void (sharing ? engine.stopScreenShare() : engine.startScreenShare())} title="Screen share (S)">
        {sharing ? 'Stop sharing' : 'Share screen'}
      </button>
      <button type="button" data-testid="toggle-layout" onClick={() => engine.setLayout(layout === 'grid' ? 'speaker' : 'grid')} title="Layout (L)">
        {layout === 'grid' ? 'Speaker view' : 'Grid view'}
      </button>
      <button type="button" className={handRaised ? 'raised' : 'secondary'} aria-pressed={handRaised} data-testid="toggle-hand" onClick={() => engine.setHandRaised(!handRaised)} title="Raise hand (H)">
        {handRaised ? 'Lower hand' : 'Raise hand'}
      </button>
      <span className="reactions" role="group" aria-label="Reactions">
        {REACTIONS.map((emoji) => (
          <button key={emoji} type="button" className="secondary reaction-button" data-testid="send-reaction" aria-label={`React ${emoji}`} onClick={() => engine.react(emoji)}>
            {emoji}
          </button>
        ))}
      </span>
      <select aria-label="Camera" value={cameraId ?? ''} onChange={(event) => void engine.selectCamera(event.target.value)}>
        {cameras.map((device) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label}
          </option>
        ))}
      </select>
      <select aria-label="Microphone" value={microphoneId ?? ''} onChange={(event) => void engine.selectMicrophone(event.target.value)}>
        {microphones.map((device) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" onClick={onStats} data-testid="toggle-stats" title="Statistics (I)">
        Stats
      </button>
      <button type="button" className="leave" onClick={onLeave}>
        Leave
      </button>
    </footer>
  );
}

export function CallView({ callStore, boardSyncStatus, engine, onLeave, shareOverlay }: CallViewProps) {
  const room = useStore(callStore, (state) => state.room);
  const signaling = useStore(boardSyncStatus, (state) => state.signaling);
  const phase = useStore(callStore, (state) => state.phase);
  const reconnects = useStore(callStore, (state) => state.reconnects);
  const [statsOpen, setStatsOpen] = useState(false);
  const toggleStats = () => setStatsOpen((open) => !open);
  useShortcuts(callStore, engine, toggleStats);
  return (
    <main className="call" data-testid="call" data-phase={phase} data-reconnects={reconnects}>
      <header className="call-header">
        <h1 data-testid="room-name">{room}</h1>
        <span className={`status status-${signaling}`} data-testid="signaling-status" data-status={signaling}>
          Board sync: {SIGNALING_LABEL[signaling]}
        </span>
        <CallKeyboardSwitch store={callStore} />
      </header>
      <Notices store={callStore} />
      <CallAnnouncements store={callStore} />
      <div className="call-body">
        <Stage store={callStore} engine={engine} shareOverlay={shareOverlay} />
        <div className="call-side">
          <ParticipantList store={callStore} />
          <ChatPanel store={callStore} engine={engine} />
          {statsOpen && <StatsPanel store={callStore} engine={engine} />}
        </div>
      </div>
      <Controls store={callStore} engine={engine} onLeave={onLeave} onStats={toggleStats} />
    </main>
  );
}
