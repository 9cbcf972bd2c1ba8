import { LogIn, Mic, MicOff, Video, VideoOff } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { JoinRequestSchema, type JoinRequest } from '../../../../shared/call/join-request.js';
import type { CallEngine, RoomAccess } from '../call-engine.js';
import { IconButton } from '../../ui/icon-button.js';
import type { CallStore } from '../call-store.js';
import '../call.css';
import './lobby.css';
import { MicLevelMeter, VideoTrack } from './MediaElements.js';
import { DeviceSelects } from './DeviceSelects.js';

interface LobbyProps {
  readonly initial: Partial<JoinRequest> & { readonly pin?: string };
  readonly error: string | null;
  readonly busy: boolean;
  readonly store: CallStore;
  readonly engine: CallEngine;
  /** Skip the preview: the call joins straight away (web launch parameters, deep links). */
  readonly joiningDirectly: boolean;
  readonly onJoin: (request: JoinRequest, access: RoomAccess) => void;
}

/** PINs and secrets are free text for Janus; only their length is bounded here. */
const MAX_SECRET_LENGTH = 128;

/** The preview, the level meter and the device choices: what shows the camera and microphone work before joining. */
function DeviceCheck({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const localVideo = useStore(store, (state) => state.localVideo);
  const localAudio = useStore(store, (state) => state.localAudio);
  const audioMuted = useStore(store, (state) => state.audioMuted);
  const videoMuted = useStore(store, (state) => state.videoMuted);
  const deviceProblem = useStore(store, (state) => state.deviceProblem);
  return (
    <div className="lobby-devices">
      <div className="lobby-preview" data-testid="lobby-preview">
        {localVideo ? <VideoTrack track={localVideo} mirrored testId="preview-video" /> : <div className="tile-avatar">{videoMuted ? 'Camera off' : '…'}</div>}
      </div>
      <MicLevelMeter track={audioMuted ? null : localAudio} />
      <div className="lobby-toggles">
        <IconButton label={audioMuted ? 'Microphone off' : 'Microphone on'} text={audioMuted ? 'Microphone off' : 'Microphone on'} tooltip={audioMuted ? 'Join with the microphone on' : 'Join with the microphone off'} icon={audioMuted ? MicOff : Mic} className={audioMuted ? 'off' : ''} onClick={() => void engine.setAudioMuted(!audioMuted)} />
        <IconButton label={videoMuted ? 'Camera off' : 'Camera on'} text={videoMuted ? 'Camera off' : 'Camera on'} tooltip={videoMuted ? 'Join with the camera on' : 'Join with the camera off'} icon={videoMuted ? VideoOff : Video} className={videoMuted ? 'off' : ''} onClick={() => void engine.setVideoMuted(!videoMuted)} />
      </div>
      <div className="lobby-selects">
        <DeviceSelects store={store} engine={engine} />
      </div>
      {deviceProblem && <p className="notice notice-error">{deviceProblem}</p>}
    </div>
  );
}

export function Lobby({ initial, error, busy, store, engine, joiningDirectly, onJoin }: LobbyProps) {
  const [room, setRoom] = useState(initial.room ?? '');
  const [displayName, setDisplayName] = useState(initial.displayName ?? '');
  const [pin, setPin] = useState(initial.pin ?? '');
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!joiningDirectly) void engine.preview();
  }, [engine, joiningDirectly]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = JoinRequestSchema.safeParse({ room, displayName });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Check the room and your name');
      return;
    }
    setProblem(null);
    onJoin(parsed.data, { pin: pin.trim() || undefined, secret: secret.trim() || undefined });
  };

  const message = problem ?? error;
  return (
    <form className="lobby" onSubmit={submit} aria-labelledby="lobby-title">
      <h1 id="lobby-title">Join a meeting</h1>
      <div className="lobby-columns">
        <DeviceCheck store={store} engine={engine} />
        <div className="lobby-fields">
          <label>
            Your name
            <input name="displayName" value={displayName} onChange={(event) => setDisplayName(event.target.value)} autoFocus maxLength={64} autoComplete="name" />
          </label>
          <label>
            Room
            <input name="room" value={room} onChange={(event) => setRoom(event.target.value)} maxLength={64} />
          </label>
          <label>
            Room PIN
            <input name="pin" type="password" value={pin} onChange={(event) => setPin(event.target.value)} maxLength={MAX_SECRET_LENGTH} autoComplete="off" aria-describedby="lobby-pin-hint" />
            <small id="lobby-pin-hint">If the room has one; a room you create gets this PIN.</small>
          </label>
          <label>
            Moderator secret
            <input name="secret" type="password" value={secret} onChange={(event) => setSecret(event.target.value)} maxLength={MAX_SECRET_LENGTH} autoComplete="off" aria-describedby="lobby-secret-hint" />
            <small id="lobby-secret-hint">Optional: lets you mute and remove others.</small>
          </label>
          {message && (
            <p className="error" role="alert" data-testid="lobby-error">
              {message}
            </p>
          )}
          <button type="submit" className="lobby-join" disabled={busy}>
            <LogIn aria-hidden="true" size={20} />
            {busy ? 'Joining…' : 'Join'}
          </button>
        </div>
      </div>
    </form>
  );
}
