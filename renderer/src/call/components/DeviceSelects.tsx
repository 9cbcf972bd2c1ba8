import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';
import { chooseDevice } from '../settings/device-choice.js';

interface DeviceSelectProps {
  readonly store: CallStore;
  readonly engine: CallEngine;
  readonly kind: 'camera' | 'microphone';
}

/** One device choice; picking one also makes it the preferred device (see `chooseDevice`). */
export function DeviceSelect({ store, engine, kind }: DeviceSelectProps) {
  const { t } = useTranslation();
  const devices = useStore(store, (state) => (kind === 'camera' ? state.cameras : state.microphones));
  const value = useStore(store, (state) => (kind === 'camera' ? state.cameraId : state.microphoneId));
  const select = (deviceId: string) => void chooseDevice(store, engine, kind, devices.find((device) => device.deviceId === deviceId) ?? null);
  return (
    <label>
      {t(kind === 'camera' ? 'devices.camera' : 'devices.microphone')}
      <select value={value ?? ''} onChange={(event) => select(event.target.value)} data-testid={`select-${kind}`}>
        {devices.map((device) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The camera and microphone choice, the same in the lobby and in the settings. */
export function DeviceSelects({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  return (
    <>
      <DeviceSelect store={store} engine={engine} kind="camera" />
      <DeviceSelect store={store} engine={engine} kind="microphone" />
    </>
  );
}
