import { useStore } from 'zustand';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';

/** The camera and microphone choice, the same in the lobby and in the call's device menu. */
export function DeviceSelects({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const cameras = useStore(store, (state) => state.cameras);
  const microphones = useStore(store, (state) => state.microphones);
  const cameraId = useStore(store, (state) => state.cameraId);
  const microphoneId = useStore(store, (state) => state.microphoneId);
  const choices = [
    { label: 'Camera', devices: cameras, value: cameraId, select: (deviceId: string) => engine.selectCamera(deviceId) },
    { label: 'Microphone', devices: microphones, value: microphoneId, select: (deviceId: string) => engine.selectMicrophone(deviceId) },
  ];
  return (
    <>
      {choices.map(({ label, devices, value, select }) => (
        <label key={label}>
          {label}
          <select value={value ?? ''} onChange={(event) => void select(event.target.value)}>
            {devices.map((device) => (
              <option key={device.deviceId} value={device.deviceId}>
                {device.label}
              </option>
            ))}
          </select>
        </label>
      ))}
    </>
  );
}
