import type { MediaDeviceChoice } from '../call-store.js';

export type DeviceKind = 'microphone' | 'camera' | 'speaker';

/** The device the user picked in the settings or the lobby, remembered across unplugging. */
export interface PreferredDevice {
  readonly deviceId: string;
  readonly label: string;
}

export interface DeviceListChange {
  readonly before: readonly MediaDeviceChoice[];
  readonly after: readonly MediaDeviceChoice[];
  /** The device in use, or null when we use the system default without naming it. */
  readonly inUse: string | null;
  readonly preferred: PreferredDevice | null;
  /** The track in use ended by itself (its device went away, even if its id is still listed, as "default" is). */
  readonly trackEnded?: boolean;
}

export type DeviceAction =
  | { readonly action: 'none' }
  /** The device in use is gone: use `to` instead and say `lost` was disconnected. */
  | { readonly action: 'fall-back'; readonly lost: string; readonly to: MediaDeviceChoice }
  /** The device in use is gone and nothing of its kind is left. */
  | { readonly action: 'none-left'; readonly lost: string }
  /** The preferred device came back while we were using another: switch back to it. */
  | { readonly action: 'return'; readonly to: MediaDeviceChoice };

/** Chromium lists the system's default device under this id, whatever it is at the moment. */
const SYSTEM_DEFAULT = 'default';

/** Where to go when the device in use is gone: the system default, else the first one listed. */
function fallbackDevice(devices: readonly MediaDeviceChoice[]): MediaDeviceChoice | null {
  return devices.find((device) => device.deviceId === SYSTEM_DEFAULT) ?? devices[0] ?? null;
}

function find(devices: readonly MediaDeviceChoice[], deviceId: string | null): MediaDeviceChoice | undefined {
  return deviceId === null ? undefined : devices.find((device) => device.deviceId === deviceId);
}

/**
 * What to do about a change of the device list (a `devicechange`, or a
 * track's `ended`): the decision alone, so it is tested without devices.
 */
export function decideDeviceAction({ before, after, inUse, preferred, trackEnded = false }: DeviceListChange): DeviceAction {
  const usedBefore = find(before, inUse);
  const gone = inUse !== null && (trackEnded || (usedBefore !== undefined && find(after, inUse) === undefined));
  if (gone) {
    const lost = usedBefore?.label ?? preferred?.label ?? '';
    const to = fallbackDevice(after);
    return to ? { action: 'fall-back', lost, to } : { action: 'none-left', lost };
  }
  if (preferred && preferred.deviceId !== inUse) {
    const back = find(after, preferred.deviceId);
    if (back && find(before, preferred.deviceId) === undefined) return { action: 'return', to: back };
  }
  return { action: 'none' };
}
