import { WaitingForAdmission, WaitingRoomChoice } from '../waiting/WaitingRoom.js';
import { LogIn, Mic, MicOff, Video, VideoOff } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { JoinRequestSchema, type JoinRequest } from '../../../../shared/call/join-request.js';
import type { CallEngine, RoomAccess } from '../call-engine.js';
import { IconButton } from '../../ui/icon-button.js';
import type { CallStore } from '../call-store.js';
import type { CallError } from '../session/call-error.js';
import '../call.css';
import './lobby.css';
import { MicLevelMeter, VideoTrack } from './MediaElements.js';
import { DeviceSelects } from './DeviceSelects.js';
import { SettingsButton } from './settings/SettingsDialog.js';
import { DeviceNoticeRegion, DeviceOfferNotice, DeviceProblemNotice, PreferencesResetNotice } from './settings/SettingsNotices.js';

interface LobbyProps {
  readonly initial: Partial<JoinRequest> & { readonly pin?: string };
  readonly error: CallError | null;
  readonly busy: boolean;
  readonly store: CallStore;
  readonly engine: CallEngine;
  /** Skip the preview: the call joins straight away (web launch parameters, deep links). */
  readonly joiningDirectly: boolean;
  /** Joins go through a control plane: the PIN field takes its room PINs and invites, and its refusals are shown. */
  readonly throughControlPlane?: boolean;
  readonly onJoin: (request: JoinRequest, access: RoomAccess) => void;
}

/** PINs and secrets are free text for Janus; only their length is bounded here. */
const MAX_SECRET_LENGTH = 128;

/** The preview, the level meter and the device choices: what shows the camera and microphone work before joining. */
function DeviceCheck({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const { t } = useTranslation();
  const mirrored = useStore(store, (state) => state.mirrorPreview);
  const localVideo = useStore(store, (state) => state.localVideo);
  const localAudio = useStore(store, (state) => state.localAudio);
  const audioMuted = useStore(store, (state) => state.audioMuted);
  const videoMuted = useStore(store, (state) => state.videoMuted);
  return (
    <div className="lobby-devices">
      <div className="lobby-preview" data-testid="lobby-preview">
        {localVideo ? <VideoTrack track={localVideo} mirrored={mirrored} testId="preview-video" /> : <div className="tile-avatar">{videoMuted ? t('lobby.cameraOffPreview') : '…'}</div>}
      </div>
      <MicLevelMeter track={audioMuted ? null : localAudio} label={t('devices.micLevel')} />
      <div className="lobby-toggles">
        <IconButton label={t(audioMuted ? 'lobby.microphoneOff' : 'lobby.microphoneOn')} text={t(audioMuted ? 'lobby.microphoneOff' : 'lobby.microphoneOn')} tooltip={t(audioMuted ? 'lobby.joinMicrophoneOn' : 'lobby.joinMicrophoneOff')} icon={audioMuted ? MicOff : Mic} className={audioMuted ? 'off' : ''} onClick={() => void engine.setAudioMuted(!audioMuted)} />
        <IconButton label={t(videoMuted ? 'lobby.cameraOff' : 'lobby.cameraOn')} text={t(videoMuted ? 'lobby.cameraOff' : 'lobby.cameraOn')} tooltip={t(videoMuted ? 'lobby.joinCameraOn' : 'lobby.joinCameraOff')} icon={videoMuted ? VideoOff : Video} className={videoMuted ? 'off' : ''} onClick={() => void engine.setVideoMuted(!videoMuted)} />
      </div>
      <div className="lobby-selects">
        <DeviceSelects store={store} engine={engine} />
      </div>
      <DeviceProblemNotice store={store} />
      <DeviceNoticeRegion store={store} />
      <DeviceOfferNotice store={store} engine={engine} />
    </div>
  );
}

export function Lobby({ initial, error, busy, store, engine, joiningDirectly, throughControlPlane = false, onJoin }: LobbyProps) {
  const [room, setRoom] = useState(initial.room ?? '');
  const [displayName, setDisplayName] = useState(initial.displayName ?? '');
  const [pin, setPin] = useState(initial.pin ?? '');
  const [secret, setSecret] = useState('');
  const [waitingRoom, setWaitingRoom] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const admissionRefusal = useStore(store, (state) => state.admissionRefusal);
  const { t } = useTranslation();

  useEffect(() => {
    if (!joiningDirectly) void engine.preview();
  }, [engine, joiningDirectly]);
  useEffect(() => engine.warm.aim(room), [engine, room]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = JoinRequestSchema.safeParse({ room, displayName });
    if (!parsed.success) {
      // The schema's own messages are English (they serve logs and tests too): the lobby says which field, in the language shown.
      const issue = parsed.error.issues[0];
      setProblem(t(`joinField.${issue?.path[0] === 'room' ? 'room' : issue?.code === 'too_small' ? 'nameMissing' : 'name'}`));
      return;
    }
    setProblem(null);
    onJoin(parsed.data, { pin: pin.trim() || undefined, secret: secret.trim() || undefined, waitingRoom: waitingRoom && secret.trim() !== '' });
  };

  // A control plane's refusal in the user's language; its own words (or the client's reason) fill the general one.
  const refusalDetail = error?.reason === 'failed' ? error.detail : '';
  const message = problem ?? (admissionRefusal ? t(`controlPlane.refusal.${admissionRefusal}`, { detail: refusalDetail }) : error && t(`joinError.${error.reason}`, { ...error }));
  return (
    <form className="lobby" onSubmit={submit} aria-labelledby="lobby-title">
      <div className="lobby-title">
        <h1 id="lobby-title">{t('lobby.title')}</h1>
        <SettingsButton store={store} engine={engine} text />
      </div>
      <PreferencesResetNotice store={store} />
      <div className="lobby-columns">
        <DeviceCheck store={store} engine={engine} />
        <div className="lobby-fields">
          <label>
            {t('lobby.yourName')}
            <input name="displayName" value={displayName} onChange={(event) => setDisplayName(event.target.value)} autoFocus maxLength={64} autoComplete="name" />
          </label>
          <label>
            {t('lobby.room')}
            <input name="room" value={room} onChange={(event) => setRoom(event.target.value)} maxLength={64} />
          </label>
          <label>
            {t('lobby.pin')}
            <input name="pin" type="password" value={pin} onChange={(event) => setPin(event.target.value)} maxLength={MAX_SECRET_LENGTH} autoComplete="off" aria-describedby="lobby-pin-hint" />
            <small id="lobby-pin-hint">{t(throughControlPlane ? 'controlPlane.pinHint' : 'lobby.pinHint')}</small>
          </label>
          <label>
            {t('lobby.secret')}
            <input name="secret" type="password" value={secret} onChange={(event) => setSecret(event.target.value)} maxLength={MAX_SECRET_LENGTH} autoComplete="off" aria-describedby="lobby-secret-hint" />
            <small id="lobby-secret-hint">{t('lobby.secretHint')}</small>
          </label>
          {/* Only a moderator can let people in: the choice comes with a secret. */}
          {!throughControlPlane && secret.trim() !== '' && <WaitingRoomChoice chosen={waitingRoom} onChange={setWaitingRoom} />}
          <WaitingForAdmission store={store} engine={engine} room={room.trim()} />
          {message && (
            <p className="error" role="alert" data-testid="lobby-error">
              {message}
            </p>
          )}
          <button type="submit" className="lobby-join" disabled={busy}>
            <LogIn aria-hidden="true" size={20} />
            {busy ? t('lobby.joining') : t('lobby.join')}
          </button>
        </div>
      </div>
    </form>
  );
}
