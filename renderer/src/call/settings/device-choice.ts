import type { CallEngine } from '../call-engine.js';
import type { CallStore, MediaDeviceChoice } from '../call-store.js';
import type { DeviceKind } from '../media/device-fallback.js';

/** The device the user picked becomes the preferred one: saved, and returned to when it comes back after unplugging. */
export function rememberDevice(store: CallStore, kind: DeviceKind, device: MediaDeviceChoice | null): void {
  store.setState((state) => ({ devices: { ...state.devices, [kind]: device } }));
}

/** The user picked a camera or microphone: remembered, and used now. */
export function chooseDevice(store: CallStore, engine: Pick<CallEngine, 'selectCamera' | 'selectMicrophone'>, kind: 'camera' | 'microphone', device: MediaDeviceChoice | null): Promise<void> {
  rememberDevice(store, kind, device);
  if (!device) return Promise.resolve();
  return kind === 'microphone' ? engine.selectMicrophone(device.deviceId) : engine.selectCamera(device.deviceId);
}

/** The user took the offer of a preferred device that came back: it is picked again, as in the settings. */
export async function switchBack(store: CallStore, engine: Pick<CallEngine, 'selectCamera' | 'selectMicrophone'>): Promise<void> {
  const offer = store.getState().deviceOffer;
  if (!offer) return;
  store.setState({ deviceOffer: null, deviceNotice: { kind: offer.kind, lost: null, using: offer.device.label } });
  if (offer.kind === 'speaker') rememberDevice(store, 'speaker', offer.device);
  else await chooseDevice(store, engine, offer.kind, offer.device);
}
