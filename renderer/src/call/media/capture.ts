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

/**
 * Screen capture through the standard API: the web build gets the
 * browser's picker, and Electron routes the same call to its own picker
 * (setDisplayMediaRequestHandler in the main process).
 */
export async function openScreen(): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false });
  const track = stream.getVideoTracks()[0];
  if (!track) throw new Error('The screen capture gave no video');
  // Text and lines stay sharp; the encoder lowers the frame rate instead of the resolution.
  track.contentHint = 'detail';
  return track;
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

/** Describes why a device could not be opened, for the user. */
export function deviceErrorMessage(kind: 'camera' | 'microphone', error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return `Confer may not use your ${kind}: allow it in the browser or system settings.`;
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return `No ${kind} was found.`;
  if (name === 'NotReadableError') return `Your ${kind} is in use by another application.`;
  return `Your ${kind} could not be opened.`;
}
