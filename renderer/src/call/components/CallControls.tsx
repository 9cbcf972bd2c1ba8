import { Activity, Hand, LayoutGrid, LogOut, Mic, MicOff, MonitorUp, MonitorX, PanelRight, Presentation, Settings2, SquareUser, Video, VideoOff } from 'lucide-react';
import { useStore } from 'zustand';
import { IconButton } from '../../ui/icon-button.js';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';
import { REACTIONS } from '../chat/room-messages.js';
import { nextLayout, toggleWhiteboard } from '../layout/stage-plan.js';
import { REACTION_LOOK } from './reaction-icons.js';
import { DeviceSelects } from './DeviceSelects.js';

interface ControlsProps {
  readonly store: CallStore;
  readonly engine: CallEngine;
  readonly onLeave: () => void;
  readonly onStats: () => void;
  readonly statsOpen: boolean;
  readonly onSide: () => void;
  readonly sideOpen: boolean;
}

const DEVICES_POPOVER = 'call-devices';

/** Microphone, camera, screen and hand: what changes what the others get from us. */
function MediaButtons({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const audioMuted = useStore(store, (state) => state.audioMuted);
  const videoMuted = useStore(store, (state) => state.videoMuted);
  const sharing = useStore(store, (state) => state.screenSharing);
  const handRaised = useStore(store, (state) => state.handRaised);
  return (
    <>
      <IconButton label="Mute microphone" tooltip={audioMuted ? 'Unmute' : 'Mute'} shortcut="M" icon={audioMuted ? MicOff : Mic} className={audioMuted ? 'off' : ''} aria-pressed={audioMuted} testId="toggle-mic" onClick={() => void engine.setAudioMuted(!audioMuted)} />
      <IconButton label="Stop camera" tooltip={videoMuted ? 'Start camera' : 'Stop camera'} shortcut="V" icon={videoMuted ? VideoOff : Video} className={videoMuted ? 'off' : ''} aria-pressed={videoMuted} testId="toggle-camera" onClick={() => void engine.setVideoMuted(!videoMuted)} />
      <IconButton label="Share screen" tooltip={sharing ? 'Stop sharing' : 'Share screen'} shortcut="S" icon={sharing ? MonitorX : MonitorUp} aria-pressed={sharing} testId="toggle-screen" onClick={() => void (sharing ? engine.stopScreenShare() : engine.startScreenShare())} />
      <IconButton label="Raise hand" tooltip={handRaised ? 'Lower hand' : 'Raise hand'} shortcut="H" icon={Hand} className={handRaised ? 'raised' : ''} aria-pressed={handRaised} testId="toggle-hand" onClick={() => engine.setHandRaised(!handRaised)} />
    </>
  );
}

function Reactions({ engine }: { readonly engine: CallEngine }) {
  return (
    <span className="reactions" role="group" aria-label="Reactions">
      {REACTIONS.map((emoji) => {
        const look = REACTION_LOOK[emoji];
        return <IconButton key={emoji} label={`React: ${look.label}`} icon={look.icon} className={`reaction-button ${look.tone}`} testId="send-reaction" data-emoji={emoji} onClick={() => engine.react(emoji)} />;
      })}
    </span>
  );
}

function LayoutButtons({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const layout = useStore(store, (state) => state.layout);
  const next = nextLayout(layout);
  return (
    <>
      <IconButton label="Whiteboard" tooltip={layout === 'whiteboard' ? 'Hide the whiteboard' : 'Whiteboard on the stage'} shortcut="W" icon={Presentation} aria-pressed={layout === 'whiteboard'} testId="toggle-whiteboard" onClick={() => engine.setLayout(toggleWhiteboard(layout))} />
      <IconButton label={next === 'speaker' ? 'Speaker view' : 'Grid view'} shortcut="L" icon={next === 'speaker' ? SquareUser : LayoutGrid} testId="toggle-layout" data-layout={layout} onClick={() => engine.setLayout(next)} />
    </>
  );
}

/** Camera and microphone choice, in a popover so the toolbar stays one row down to 960 pixels. */
function DeviceMenu({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  return (
    <>
      <IconButton label="Camera and microphone" icon={Settings2} popoverTarget={DEVICES_POPOVER} testId="toggle-devices" />
      <div id={DEVICES_POPOVER} popover="auto" className="devices-popover" role="dialog" aria-label="Camera and microphone">
        <DeviceSelects store={store} engine={engine} />
      </div>
    </>
  );
}

/** The call's toolbar: devices on the left, what we send and show in the middle, panels and Leave on the right. */
export function CallControls({ store, engine, onLeave, onStats, statsOpen, onSide, sideOpen }: ControlsProps) {
  return (
    <footer className="call-controls" aria-label="Call controls">
      <div className="controls-group tooltip-start">
        <DeviceMenu store={store} engine={engine} />
      </div>
      <div className="controls-group controls-main" role="group" aria-label="Microphone, camera, sharing and view">
        <MediaButtons store={store} engine={engine} />
        <Reactions engine={engine} />
        <LayoutButtons store={store} engine={engine} />
      </div>
      <div className="controls-group controls-end tooltip-end">
        <IconButton label="Statistics" shortcut="I" icon={Activity} aria-pressed={statsOpen} testId="toggle-stats" onClick={onStats} />
        <IconButton label="People and chat" icon={PanelRight} aria-pressed={sideOpen} aria-controls={sideOpen ? 'call-side' : undefined} testId="toggle-side" onClick={onSide} />
        <IconButton label="Leave" tooltip="Leave the call" icon={LogOut} text="Leave" className="danger leave" testId="leave" onClick={onLeave} />
      </div>
    </footer>
  );
}
