import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createCallStore } from '../call-store.js';
import type * as Capture from './capture.js';
import { openCamera } from './capture.js';
import { LocalMedia, MUTED_SILENCE_MS } from './local-media.js';

vi.mock('./capture.js', async (importOriginal) => ({ ...(await importOriginal<typeof Capture>()), openCamera: vi.fn() }));

/** An open microphone track: only what LocalMedia reads of one. */
function liveMicrophone(): MediaStreamTrack {
  const track = { kind: 'audio', readyState: 'live', enabled: true, addEventListener: () => undefined, stop: () => undefined };
  return track as unknown as MediaStreamTrack;
}

function setup() {
  const store = createCallStore();
  const media = new LocalMedia(store);
  const sent: Array<MediaStreamTrack | null> = [];
  const described: boolean[] = [];
  media.sendTo({
    replaceTrack: async (kind, track) => void (kind === 'audio' && sent.push(track)),
    describeCamera: (audioMuted) => void described.push(audioMuted),
  });
  const microphone = liveMicrophone();
  store.setState({ localAudio: microphone });
  return { store, media, sent, described, microphone };
}

describe('muting the microphone', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('sends silence for a moment, then takes the track off the sender, keeps it open, and puts it back on unmute', async () => {
    const { media, sent, described, microphone } = setup();
    await media.setAudioMuted(true);
    expect(microphone.enabled).toBe(false);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(MUTED_SILENCE_MS);
    expect(sent).toEqual([null]);
    expect(microphone.readyState).toBe('live');
    await media.setAudioMuted(false);
    expect(sent).toEqual([null, microphone]);
    expect(microphone.enabled).toBe(true);
    expect(described).toEqual([true, false]);
  });

  test('unmuted again before the silence is over, the track never leaves the sender', async () => {
    const { media, sent, microphone } = setup();
    await media.setAudioMuted(true);
    await vi.advanceTimersByTimeAsync(MUTED_SILENCE_MS / 2);
    await media.setAudioMuted(false);
    await vi.advanceTimersByTimeAsync(MUTED_SILENCE_MS * 2);
    expect(sent).toEqual([microphone]);
  });

  test('a publisher started while muted is given no microphone track', async () => {
    const { media, microphone } = setup();
    expect(media.sentAudio(microphone)).toBe(microphone);
    await media.setAudioMuted(true);
    expect(media.sentAudio(microphone)).toBeNull();
  });
});

describe('turning the camera off', () => {
  test('while it is still opening: the opened camera is stopped at once, never shown or sent', async () => {
    let resolveOpen: (track: MediaStreamTrack) => void = () => undefined;
    vi.mocked(openCamera).mockReturnValueOnce(new Promise((resolve) => (resolveOpen = resolve)));
    const { store, media } = setup();
    const opening = media.camera();
    await media.setVideoMuted(true);
    let stopped = false;
    const camera = { ...liveMicrophone(), kind: 'video', getSettings: () => ({}), stop: () => void (stopped = true) };
    resolveOpen(camera as unknown as MediaStreamTrack);
    expect(await opening).toBeNull();
    expect(stopped).toBe(true);
    expect(store.getState().localVideo).toBeNull();
  });
});
