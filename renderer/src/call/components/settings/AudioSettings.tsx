import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CallEngine } from '../../call-engine.js';
import type { CallStore } from '../../call-store.js';
import { canChooseSpeaker } from '../../media/capture.js';
import { rememberDevice } from '../../settings/device-choice.js';
import { DeviceSelect } from '../DeviceSelects.js';
import { MicLevelMeter } from '../MediaElements.js';
import { playTestSound } from './test-sound.js';

const PROCESSING = ['noiseSuppression', 'echoCancellation', 'autoGainControl'] as const;

function SpeakerSelect({ store }: { readonly store: CallStore }) {
  const { t } = useTranslation();
  const speakers = useStore(store, (state) => state.speakers);
  const speakerId = useStore(store, (state) => state.speakerId);
  const [playing, setPlaying] = useState(false);
  const sound = useRef<HTMLAudioElement>(null);
  const supported = canChooseSpeaker();
  const play = () => {
    const element = sound.current;
    if (!element) return;
    setPlaying(true);
    void playTestSound(element, speakerId).finally(() => setPlaying(false));
  };
  return (
    <>
      <label>
        {t('devices.speaker')}
        <select value={speakerId ?? ''} disabled={!supported} aria-describedby={supported ? undefined : 'settings-no-sink'} data-testid="select-speaker" onChange={(event) => rememberDevice(store, 'speaker', speakers.find((device) => device.deviceId === event.target.value) ?? null)}>
          <option value="">{t('settings.speakerDefault')}</option>
          {speakers
            .filter((device) => device.deviceId !== 'default')
            .map((device) => (
              <option key={device.deviceId} value={device.deviceId}>
                {device.label}
              </option>
            ))}
        </select>
      </label>
      {!supported && (
        <p className="settings-hint" id="settings-no-sink">
          {t('settings.noSetSinkId')}
        </p>
      )}
      <div className="settings-row">
        <button type="button" className="secondary" onClick={play} disabled={playing} data-testid="play-test-sound">
          {t('settings.testSound')}
        </button>
        <span role="status">{playing ? t('settings.testSoundPlaying') : ''}</span>
        <audio ref={sound} data-testid="test-sound" />
      </div>
    </>
  );
}

/** Microphone with its level, speaker with a test sound, and the microphone's processing. */
export function AudioSettings({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const { t } = useTranslation();
  const localAudio = useStore(store, (state) => state.localAudio);
  const audioMuted = useStore(store, (state) => state.audioMuted);
  const processing = useStore(store, (state) => state.audioProcessing);
  return (
    <>
      <DeviceSelect store={store} engine={engine} kind="microphone" />
      <MicLevelMeter track={audioMuted ? null : localAudio} label={t('devices.micLevel')} />
      <SpeakerSelect store={store} />
      <fieldset className="settings-checks">
        <legend className="visually-hidden">{t('settings.audio')}</legend>
        {PROCESSING.map((key) => (
          <label key={key} className="settings-check">
            <input type="checkbox" checked={processing[key]} data-testid={`processing-${key}`} onChange={(event) => store.setState({ audioProcessing: { ...processing, [key]: event.target.checked } })} />
            {t(`settings.${key}`)}
          </label>
        ))}
      </fieldset>
      <p className="settings-hint">{t('settings.processingHint')}</p>
    </>
  );
}
