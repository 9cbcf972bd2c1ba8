import { Activity, Hand, LayoutGrid, LogOut, Mic, MicOff, MonitorUp, MonitorX, PanelRight, Presentation, SquareUser, Video, VideoOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ShortcutAction } from '../../../../shared/desktop/call-preferences.js';
import { IconButton } from '../../ui/icon-button.js';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';
import { REACTIONS } from '../chat/room-messages.js';
import { nextLayout, toggleWhiteboard } from '../layout/stage-plan.js';
import { REACTION_LOOK } from './reaction-icons.js';
import { SettingsButton } from './settings/SettingsDialog.js';

interface ControlsProps {
  readonly store: CallStore;
  readonly engine: CallEngine;
  readonly onLeave: () => void;
  readonly onStats: () => void;
  readonly statsOpen: boolean;
  readonly onSide: () => void;
  readonly sideOpen: boolean;
}

/** The key a tooltip names for `action`: as remapped in the settings, and none while single keys are off. */
function useShortcutKey(store: CallStore): (action: ShortcutAction) => string | undefined {
  const keys = useStore(store, (state) => state.shortcutKeys);
  const enabled = useStore(store, (state) => state.singleKeyShortcuts);
  return (action) => (enabled ? keys[action].toUpperCase() : undefined);
}

/** Microphone, camera, screen and hand: what changes what the others get from us. */
function MediaButtons({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const { t } = useTranslation();
  const key = useShortcutKey(store);
  const audioMuted = useStore(store, (state) => state.audioMuted);
  const videoMuted = useStore(store, (state) => state.videoMuted);
  const sharing = useStore(store, (state) => state.screenSharing);
  const handRaised = useStore(store, (state) => state.handRaised);
  return (
    <>
      <IconButton label={t('controls.muteMicrophone')} tooltip={t(audioMuted ? 'controls.unmute' : 'controls.mute')} shortcut={key('microphone')} icon={audioMuted ? MicOff : Mic} className={audioMuted ? 'off' : ''} aria-pressed={audioMuted} testId="toggle-mic" onClick={() => void engine.setAudioMuted(!audioMuted)} />
      <IconButton label={t('controls.stopCamera')} tooltip={t(videoMuted ? 'controls.startCamera' : 'controls.stopCamera')} shortcut={key('camera')} icon={videoMuted ? VideoOff : Video} className={videoMuted ? 'off' : ''} aria-pressed={videoMuted} testId="toggle-camera" onClick={() => void engine.setVideoMuted(!videoMuted)} />
      <IconButton label={t('controls.shareScreen')} tooltip={t(sharing ? 'controls.stopSharing' : 'controls.shareScreen')} shortcut={key('screen')} icon={sharing ? MonitorX : MonitorUp} aria-pressed={sharing} testId="toggle-screen" onClick={() => void (sharing ? engine.stopScreenShare() : engine.startScreenShare())} />
      <IconButton label={t('controls.raiseHand')} tooltip={t(handRaised ? 'controls.lowerHand' : 'controls.raiseHand')} shortcut={key('hand')} icon={Hand} className={handRaised ? 'raised' : ''} aria-pressed={handRaised} testId="toggle-hand" onClick={() => engine.setHandRaised(!handRaised)} />
    </>
  );
}

function Reactions({ engine }: { readonly engine: CallEngine }) {
  const { t } = useTranslation();
  return (
    <span className="reactions" role="group" aria-label={t('controls.reactions')}>
      {REACTIONS.map((emoji) => {
        const look = REACTION_LOOK[emoji];
        return <IconButton key={emoji} label={t('controls.react', { name: t(`reactions.${look.key}`) })} icon={look.icon} className={`reaction-button ${look.tone}`} testId="send-reaction" data-emoji={emoji} onClick={() => engine.react(emoji)} />;
      })}
    </span>
  );
}

function LayoutButtons({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const { t } = useTranslation();
  const key = useShortcutKey(store);
  const layout = useStore(store, (state) => state.layout);
  const next = nextLayout(layout);
  return (
    <>
      <IconButton label={t('controls.whiteboard')} tooltip={t(layout === 'whiteboard' ? 'controls.hideWhiteboard' : 'controls.whiteboardOnStage')} shortcut={key('whiteboard')} icon={Presentation} aria-pressed={layout === 'whiteboard'} testId="toggle-whiteboard" onClick={() => engine.setLayout(toggleWhiteboard(layout))} />
      <IconButton label={t(next === 'speaker' ? 'controls.speakerView' : 'controls.gridView')} shortcut={key('layout')} icon={next === 'speaker' ? SquareUser : LayoutGrid} testId="toggle-layout" data-layout={layout} onClick={() => engine.setLayout(next)} />
    </>
  );
}

/** The call's toolbar: settings on the left, what we send and show in the middle, panels and Leave on the right. */
export function CallControls({ store, engine, onLeave, onStats, statsOpen, onSide, sideOpen }: ControlsProps) {
  const { t } = useTranslation();
  const key = useShortcutKey(store);
  return (
    <footer className="call-controls" aria-label={t('controls.region')}>
      <div className="controls-group tooltip-start">
        <SettingsButton store={store} engine={engine} />
      </div>
      <div className="controls-group controls-main" role="group" aria-label={t('controls.mainGroup')}>
        <MediaButtons store={store} engine={engine} />
        <Reactions engine={engine} />
        <LayoutButtons store={store} engine={engine} />
      </div>
      <div className="controls-group controls-end tooltip-end">
        <IconButton label={t('controls.statistics')} shortcut={key('statistics')} icon={Activity} aria-pressed={statsOpen} testId="toggle-stats" onClick={onStats} />
        <IconButton label={t('controls.peopleAndChat')} icon={PanelRight} aria-pressed={sideOpen} aria-controls={sideOpen ? 'call-side' : undefined} testId="toggle-side" onClick={onSide} />
        <IconButton label={t('controls.leave')} tooltip={t('controls.leaveCall')} icon={LogOut} text={t('controls.leave')} className="danger leave" testId="leave" onClick={onLeave} />
      </div>
    </footer>
  );
}
