import { sliceWriter, type CallState, type CallStore, type LocalMediaState, type SliceWriter } from '../call-store.js';
import { deviceProblemOf, listDevices, openCamera, openMicrophone, openScreen, type AudioProcessing, type ScreenCapture } from './capture.js';
import { DeviceSwitcher } from './device-switcher.js';

/** Where our tracks are sent, when a call is on: the camera publisher of the current session. */
export interface LocalMediaOutlet {
  replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void>;
  describeCamera(audioMuted: boolean, videoMuted: boolean): void;
}

/** Silence a mute sends before its track leaves the sender: Janus's talk detection averages 50 packets (1 s). */
export const MUTED_SILENCE_MS = 2000;

const NO_OUTLET: LocalMediaOutlet = { replaceTrack: async () => undefined, describeCamera: () => undefined };

/**
 * Our camera, microphone and screen: the device lists, opening each device
 * once even when the lobby's preview and a join race, mute, and device
 * selection. Camera off releases the camera; an unplugged device ends its
 * track and shows as off, never as a frozen frame.
 */
export class LocalMedia {
  private readonly set: SliceWriter<LocalMediaState>;
  private watchingDevices = false;
  /** Opens in flight, so the lobby's preview and a join racing it share one device open. */
  private openingMicrophone: Promise<MediaStreamTrack | null> | null = null;
  private openingCamera: Promise<MediaStreamTrack | null> | null = null;
  private outlet: LocalMediaOutlet = NO_OUTLET;
  private readonly switcher: DeviceSwitcher;
  /** Takes a muted microphone off the sender once its silence has been heard. */
  private audioRelease: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store: CallStore) {
    this.set = sliceWriter<LocalMediaState>(store);
    this.switcher = new DeviceSwitcher(store.getState, this.set, this);
    store.subscribe((state, previous) => this.followPreferences(state, previous));
  }

  /**
   * The settings screen's choices: processing applies to the live
   * microphone at once; a chosen speaker is used; the saved devices, once
   * loaded, are what the first open asks for.
   */
  private followPreferences(state: CallState, previous: CallState): void {
    if (state.audioProcessing !== previous.audioProcessing) void this.applyAudioProcessing(state.audioProcessing);
    if (state.devices === previous.devices) return;
    if (state.devices.speaker !== previous.devices.speaker) this.set({ speakerId: state.devices.speaker?.deviceId ?? null });
    if (!state.localAudio && !this.openingMicrophone && state.devices.microphone) this.set({ microphoneId: state.devices.microphone.deviceId });
    if (!state.localVideo && !this.openingCamera && state.devices.camera) this.set({ cameraId: state.devices.camera.deviceId });
  }

  private get state(): LocalMediaState {
    return this.store.getState();
  }

  /** Sends our tracks to `outlet` from now on (a session), or nowhere (null). */
  sendTo(outlet: LocalMediaOutlet | null): void {
    this.outlet = outlet ?? NO_OUTLET;
  }

  /**
   * Changes the live microphone's processing with `applyConstraints`; where
   * the browser refuses, or reports other settings afterwards, the
   * microphone is opened again with them (mute state kept).
   */
  private async applyAudioProcessing(processing: AudioProcessing): Promise<void> {
    const track = this.state.localAudio;
    if (!track) return;
    const applied = await track.applyConstraints({ ...processing }).then(
      () => true,
      () => false,
    );
    const settings = track.getSettings();
    const took = applied && (Object.keys(processing) as (keyof AudioProcessing)[]).every((key) => settings[key] === undefined || settings[key] === processing[key]);
    if (!took && this.state.localAudio === track) await this.selectMicrophone(this.state.microphoneId ?? '');
  }

  /** The lobby's preview: camera and microphone opened (as the mute flags allow) and the device lists kept current. */
  async openPreview(): Promise<void> {
    this.watchDevices();
    await this.microphone();
    await this.camera();
    await this.followDevices();
  }

  /** The device lists filled now and kept current. */
  async followDevices(): Promise<void> {
    this.watchDevices();
    await this.refreshDevices().catch(() => undefined);
  }

  /** Plugging a device in or out updates the pickers; an unplugged device in use also ends its track (watchEnded). */
  private watchDevices(): void {
    if (this.watchingDevices || !navigator.mediaDevices) return;
    this.watchingDevices = true;
    navigator.mediaDevices.addEventListener('devicechange', () => void this.switcher.devicesChanged());
  }

  async refreshDevices(): Promise<void> {
    const { cameras, microphones, speakers } = await listDevices();
    const choice = (device: MediaDeviceInfo, index: number, kind: string) => ({ deviceId: device.deviceId, label: device.label || `${kind} ${index + 1}` });
    this.set({
      cameras: cameras.map((device, index) => choice(device, index, 'Camera')),
      microphones: microphones.map((device, index) => choice(device, index, 'Microphone')),
      speakers: speakers.map((device, index) => choice(device, index, 'Speaker')),
    });
  }

  microphone(): Promise<MediaStreamTrack | null> {
    this.openingMicrophone ??= this.openMicrophoneOnce().finally(() => (this.openingMicrophone = null));
    return this.openingMicrophone;
  }

  camera(): Promise<MediaStreamTrack | null> {
    this.openingCamera ??= this.openCameraOnce().finally(() => (this.openingCamera = null));
    return this.openingCamera;
  }

  muted(): { readonly audio: boolean; readonly video: boolean } {
    return { audio: this.state.audioMuted, video: this.state.videoMuted };
  }

  /**
   * Mute keeps the microphone open, so unmuting (push-to-talk too) is
   * instant, but takes its track off the sender: a muted microphone is not
   * encoded, sends no packets through Janus and gives no one anything to
   * decode (silence sent with `enabled = false` cost every receiver a
   * decoder and an audio output). First it sends silence for a moment:
   * Janus ends someone's talk only on packets it hears, and without that
   * end it would never announce their next one.
   */
  async setAudioMuted(muted: boolean): Promise<void> {
    this.set({ audioMuted: muted });
    clearTimeout(this.audioRelease);
    let track = this.state.localAudio;
    if (!muted && (!track || track.readyState !== 'live')) {
      this.set({ deviceProblem: null });
      track = await this.microphone();
    }
    if (track) track.enabled = !this.state.audioMuted;
    if (this.state.audioMuted) {
      this.audioRelease = setTimeout(() => {
        if (this.state.audioMuted) void this.outlet.replaceTrack('audio', null);
      }, MUTED_SILENCE_MS);
    } else {
      await this.outlet.replaceTrack('audio', track);
    }
    this.describe();
  }

  /** What the sender should carry of microphone `track`: nothing while muted. */
  sentAudio(track: MediaStreamTrack | null): MediaStreamTrack | null {
    return this.state.audioMuted ? null : track;
  }

  /** Camera off releases the camera (its light goes out) and sends no video; on reopens it. */
  async setVideoMuted(muted: boolean): Promise<void> {
    this.set({ videoMuted: muted });
    if (muted) {
      const track = this.state.localVideo;
      this.set({ localVideo: null });
      await this.outlet.replaceTrack('video', null);
      track?.stop();
    } else {
      this.set({ deviceProblem: null });
      const track = await this.camera();
      await this.outlet.replaceTrack('video', track);
    }
    this.describe();
  }

  async selectCamera(deviceId: string): Promise<void> {
    const old = this.state.localVideo;
    this.set({ cameraId: deviceId, deviceProblem: null });
    if (this.state.videoMuted) return;
    this.set({ localVideo: null });
    const track = await this.camera();
    await this.outlet.replaceTrack('video', track);
    old?.stop();
  }

  async selectMicrophone(deviceId: string): Promise<void> {
    const old = this.state.localAudio;
    this.set({ microphoneId: deviceId, localAudio: null, deviceProblem: null });
    const track = await this.microphone();
    await this.outlet.replaceTrack('audio', this.sentAudio(track));
    old?.stop();
  }

  /** Opens the screen picker; null when the user closed it. `onEnded`: the browser's or the OS's own "stop sharing" control ended it. */
  async openScreen(onEnded: () => void): Promise<ScreenCapture | null> {
    let screen: ScreenCapture;
    try {
      screen = await openScreen();
    } catch {
      return null;
    }
    screen.video.addEventListener('ended', () => {
      if (this.state.localScreen === screen.video) onEnded();
    });
    this.set({ localScreen: screen.video, localScreenAudio: screen.audio, screenSharing: true });
    return screen;
  }

  /** The screen share still running, if its picture is live; its sound goes with it while that is live too. */
  runningScreen(): ScreenCapture | null {
    const { localScreen: video, localScreenAudio: audio } = this.state;
    if (!video || video.readyState !== 'live') return null;
    return { video, audio: audio && audio.readyState === 'live' ? audio : null };
  }

  stopScreen(): void {
    this.state.localScreen?.stop();
    this.state.localScreenAudio?.stop();
    this.set({ localScreen: null, localScreenAudio: null, screenSharing: false });
  }

  stopTracks(): void {
    const { localAudio, localVideo, localScreen, localScreenAudio } = this.state;
    for (const track of [localAudio, localVideo, localScreen, localScreenAudio]) track?.stop();
    this.set({ localAudio: null, localVideo: null, localScreen: null, localScreenAudio: null, screenSharing: false });
  }

  private describe(): void {
    this.outlet.describeCamera(this.state.audioMuted, this.state.videoMuted);
  }

  /** An unplugged device ends its track: the switcher moves to another one, or shows the device as off when none is left. */
  private watchEnded(kind: 'camera' | 'microphone', track: MediaStreamTrack): void {
    track.addEventListener('ended', () => {
      const current = kind === 'camera' ? this.state.localVideo : this.state.localAudio;
      if (current === track) void this.switcher.trackEnded(kind);
    });
  }

  /** A saved device that is not plugged in is no reason to fail: the system default is asked for instead. */
  private async openPreferred(deviceId: string | null, open: (deviceId: string | null) => Promise<MediaStreamTrack>): Promise<MediaStreamTrack> {
    try {
      return await open(deviceId);
    } catch (error) {
      const missing = error instanceof DOMException && (error.name === 'OverconstrainedError' || error.name === 'NotFoundError');
      if (deviceId === null || !missing) throw error;
      return open(null);
    }
  }

  private async openMicrophoneOnce(): Promise<MediaStreamTrack | null> {
    const existing = this.state.localAudio;
    if (existing && existing.readyState === 'live') return existing;
    try {
      const track = await this.openPreferred(this.state.microphoneId, (deviceId) => openMicrophone(deviceId, this.store.getState().audioProcessing));
      track.enabled = !this.state.audioMuted;
      this.watchEnded('microphone', track);
      this.set({ localAudio: track, microphoneId: track.getSettings().deviceId ?? this.state.microphoneId });
      return track;
    } catch (error) {
      this.set({ deviceProblem: deviceProblemOf('microphone', error), audioMuted: true });
      return null;
    }
  }

  private async openCameraOnce(): Promise<MediaStreamTrack | null> {
    if (this.state.videoMuted) return null;
    const existing = this.state.localVideo;
    if (existing && existing.readyState === 'live') return existing;
    try {
      const track = await this.openPreferred(this.state.cameraId, openCamera);
      // Turned off while it opened (the lobby's preview racing a click on the camera button): its light goes out at once.
      if (this.state.videoMuted) {
        track.stop();
        return null;
      }
      this.watchEnded('camera', track);
      this.set({ localVideo: track, cameraId: track.getSettings().deviceId ?? this.state.cameraId });
      return track;
    } catch (error) {
      this.set({ deviceProblem: deviceProblemOf('camera', error), videoMuted: true });
      return null;
    }
  }
}
