import type { DeviceProblem } from '../call-store.js';

/**
 * 720p so the three simulcast layers are 1280, 640 and 320 wide: Chromium
 * drops the top layers of a smaller source.
 */
const CAMERA_CONSTRAINTS: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 24, max: 30 } };

/** The microphone's processing, as the settings screen chooses it. */
export interface AudioProcessing {
  readonly noiseSuppression: boolean;
  readonly echoCancellation: boolean;
  readonly autoGainControl: boolean;
}

export async function openCamera(deviceId: string | null): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { ...CAMERA_CONSTRAINTS, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) },
  });
  const track = stream.getVideoTracks()[0];
  if (!track) throw new Error('The camera gave no video');
  return track;
}

export async function openMicrophone(deviceId: string | null, processing: AudioProcessing): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { ...processing, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) },
  });
  const track = stream.getAudioTracks()[0];
  if (!track) throw new Error('The microphone gave no audio');
  return track;
}

/** A screen share's tracks: the picture, and the computer's sound when the user chose to share it. */
export interface ScreenCapture {
  readonly video: MediaStreamTrack;
  readonly audio: MediaStreamTrack | null;
}

/** Chromium's options past the standard dictionary; other browsers ignore them. */
type DisplayMediaRequest = DisplayMediaStreamOptions & { readonly systemAudio?: 'include' | 'exclude' };

/**
 * What a share asks for. Audio is always asked, so the picker can offer
 * the sound: Chromium's as "Also share tab/system audio" (`systemAudio:
 * 'include'` lists the whole system's where the platform has it),
 * Confer's own as "Share computer sound" where Electron captures it. The
 * user's tick decides; without it the capture has no audio track.
 * `restrictOwnAudio` keeps the call's own sound out where the browser can,
 * so the others do not hear themselves.
 */
export function screenRequest(): DisplayMediaRequest {
  const audio: MediaTrackConstraints & { readonly restrictOwnAudio?: boolean } = { echoCancellation: false, noiseSuppression: false, autoGainControl: false, restrictOwnAudio: true };
  return { video: { frameRate: { ideal: 15, max: 30 } }, audio, systemAudio: 'include' };
}

/**
 * Screen capture through the standard API: the web build gets the
 * browser's picker, and Electron routes the same call to its own picker
 * (setDisplayMediaRequestHandler in the main process).
 */
export async function openScreen(): Promise<ScreenCapture> {
  const stream = await navigator.mediaDevices.getDisplayMedia(screenRequest());
  const video = stream.getVideoTracks()[0];
  if (!video) throw new Error('The screen capture gave no video');
  // Text and lines stay sharp; the encoder lowers the frame rate instead of the resolution.
  video.contentHint = 'detail';
  return { video, audio: stream.getAudioTracks()[0] ?? null };
}

export async function listDevices(): Promise<{ cameras: MediaDeviceInfo[]; microphones: MediaDeviceInfo[]; speakers: MediaDeviceInfo[] }> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return {
    cameras: devices.filter((device) => device.kind === 'videoinput'),
    microphones: devices.filter((device) => device.kind === 'audioinput'),
    speakers: devices.filter((device) => device.kind === 'audiooutput'),
  };
}

/** Whether media elements can choose their output device here (Firefox before 116 and some WebViews cannot). */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** Why a device could not be opened, from the browser's error. */
export function deviceProblemOf(kind: DeviceProblem['kind'], error: unknown): DeviceProblem {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return { kind, reason: 'notAllowed' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return { kind, reason: 'notFound' };
  if (name === 'NotReadableError') return { kind, reason: 'inUse' };
  return { kind, reason: 'failed' };
}
