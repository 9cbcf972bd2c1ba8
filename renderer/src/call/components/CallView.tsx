import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { SyncStatusStore } from '../../sync/sync-status.js';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';
import '../call.css';
import { CallAnnouncements } from './CallAnnouncements.js';
import { CallControls } from './CallControls.js';
import { ChatPanel } from './ChatPanel.js';
import { ParticipantList } from './ParticipantList.js';
import { Stage } from './Stage.js';
import { DeviceNoticeRegion, DeviceOfferNotice, DeviceProblemNotice, PreferencesResetNotice } from './settings/SettingsNotices.js';
import { StatsPanel } from './StatsPanel.js';
import { useCallKeys } from './use-call-keys.js';
import { WaitingNotice } from '../waiting/WaitingRoom.js';
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

function Notices({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const { t } = useTranslation();
  const phase = useStore(store, (state) => state.phase);
  const audioOnly = useStore(store, (state) => state.audioOnly);
  const mediaProblem = useStore(store, (state) => state.mediaProblem);
  const renewalFailed = useStore(store, (state) => state.renewalFailed);
  return (
    <div className="notices">
      {phase === 'reconnecting' && (
        <p className="notice notice-warn" role="status" data-testid="reconnecting">
          {t('call.reconnecting')}
        </p>
      )}
      {audioOnly && (
        <p className="notice notice-warn" role="status" data-testid="audio-only">
          {t('call.audioOnly')}
        </p>
      )}
      {mediaProblem && phase === 'in-call' && (
        <p className="notice notice-error" role="alert" data-testid="media-problem">
          {t(`mediaProblem.${mediaProblem}`)}
        </p>
      )}
      {renewalFailed && (
        <p className="notice notice-error" role="alert" data-testid="renewal-failed">
          {t('controlPlane.renewalFailed')}
        </p>
      )}
      <WaitingNotice store={store} engine={engine} />
      <DeviceProblemNotice store={store} />
      <DeviceNoticeRegion store={store} />
      <DeviceOfferNotice store={store} engine={engine} />
      <PreferencesResetNotice store={store} />
    </div>
  );
}

export function CallView({ callStore, boardSyncStatus, engine, onLeave, shareOverlay, board, headerExtras }: CallViewProps) {
  const room = useStore(callStore, (state) => state.room);
  const signaling = useStore(boardSyncStatus, (state) => state.signaling);
  const phase = useStore(callStore, (state) => state.phase);
  const reconnects = useStore(callStore, (state) => state.reconnects);
  const { t } = useTranslation();
  const [statsOpen, setStatsOpen] = useState(false);
  const [sideOpen, setSideOpen] = useState(true);
  const toggleStats = useCallback(() => setStatsOpen((open) => !open), []);
  useCallKeys(callStore, engine, toggleStats);
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
          {t('call.boardSync', { status: t(`call.sync.${signaling}`) })}
        </span>
        {headerExtras}
      </header>
      <Notices store={callStore} engine={engine} />
      <CallAnnouncements store={callStore} />
      <div className="call-body">
        <Stage store={callStore} engine={engine} shareOverlay={shareOverlay} board={board} />
        {sideShown && (
          <aside className="call-side" id="call-side" aria-label={t('call.sidePanel')}>
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
