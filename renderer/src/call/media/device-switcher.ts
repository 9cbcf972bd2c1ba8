import type { CallState, LocalMediaState, MediaDeviceChoice, SliceWriter } from '../call-store.js';
import { decideDeviceAction, type DeviceKind } from './device-fallback.js';

/** What the switcher asks of local media. */
export interface SwitchableMedia {
  refreshDevices(): Promise<void>;
  selectMicrophone(deviceId: string): Promise<void>;
  selectCamera(deviceId: string): Promise<void>;
  setAudioMuted(muted: boolean): Promise<void>;
  setVideoMuted(muted: boolean): Promise<void>;
}

type Lists = Pick<LocalMediaState, 'microphones' | 'cameras' | 'speakers'>;

const LIST: Readonly<Record<DeviceKind, keyof Lists>> = { microphone: 'microphones', camera: 'cameras', speaker: 'speakers' };

/** The system default output is `setSinkId('')`; Chromium lists it as "default". */
function sinkOf(device: MediaDeviceChoice): string | null {
  return device.deviceId === 'default' ? null : device.deviceId;
}

/**
 * Follows devices coming and going: the device in use is gone → the
 * default one, with the mute state kept, told in `deviceNotice` (a live
 * region reads it); the preferred one is back → offered in `deviceOffer`,
 * switched to only when the user says so (a headset plugged in to charge
 * must not take over a call).
 * Events are handled one at a time, since unplugging fires both
 * `devicechange` and the track's `ended`.
 */
export class DeviceSwitcher {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: () => CallState,
    private readonly set: SliceWriter<LocalMediaState>,
    private readonly media: SwitchableMedia,
  ) {}

  devicesChanged(): Promise<void> {
    return this.enqueue(null);
  }

  /** A track of ours ended by itself: its device went away, even if an entry of that id is still listed. */
  trackEnded(kind: 'microphone' | 'camera'): Promise<void> {
    return this.enqueue(kind);
  }

  private enqueue(ended: DeviceKind | null): Promise<void> {
    this.queue = this.queue.then(() => this.handle(ended)).catch(() => undefined);
    return this.queue;
  }

  private inUse(kind: DeviceKind): string | null {
    const state = this.state();
    if (kind === 'microphone') return state.microphoneId;
    if (kind === 'camera') return state.cameraId;
    return state.speakerId ?? 'default';
  }

  private async handle(ended: DeviceKind | null): Promise<void> {
    const before: Lists = { ...this.state() };
    await this.media.refreshDevices();
    const after = this.state();
    for (const kind of ['microphone', 'camera', 'speaker'] as const) {
      const decision = decideDeviceAction({ before: before[LIST[kind]], after: after[LIST[kind]], inUse: this.inUse(kind), preferred: after.devices[kind], trackEnded: ended === kind });
      const offer = this.state().deviceOffer;
      // An offered device that went again is no longer on offer; nor is one whose kind just changed device.
      if (offer?.kind === kind && (decision.action !== 'none' || !after[LIST[kind]].some((device) => device.deviceId === offer.device.deviceId))) this.set({ deviceOffer: null });
      if (decision.action === 'none') continue;
      if (decision.action === 'return') {
        this.set({ deviceOffer: { kind, device: decision.to } });
        continue;
      }
      if (decision.action === 'none-left') {
        this.set({ deviceNotice: { kind, lost: decision.lost, using: '' } });
        if (kind === 'microphone') await this.media.setAudioMuted(true);
        if (kind === 'camera') await this.media.setVideoMuted(true);
        continue;
      }
      await this.use(kind, decision.to);
      this.set({ deviceNotice: { kind, lost: decision.lost, using: decision.to.label } });
    }
  }

  private async use(kind: DeviceKind, to: MediaDeviceChoice): Promise<void> {
    if (kind === 'microphone') await this.media.selectMicrophone(to.deviceId);
    else if (kind === 'camera') await this.media.selectCamera(to.deviceId);
    else this.set({ speakerId: sinkOf(to) });
  }
}
