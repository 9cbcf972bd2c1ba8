import { describe, expect, test } from 'vitest';
import { createCallStore, sliceWriter, type LocalMediaState } from '../call-store.js';
import { switchBack } from '../settings/device-choice.js';
import { DeviceSwitcher, type SwitchableMedia } from './device-switcher.js';

const builtIn = { deviceId: 'default', label: 'Built-in Microphone' };
const headset = { deviceId: 'headset-1', label: 'USB Headset' };

/** Local media whose device list is what the test plugs in, recording what the switcher asks of it. */
function setup(listed: { microphones: (typeof builtIn)[] }) {
  const store = createCallStore();
  const asked: string[] = [];
  const media: SwitchableMedia = {
    refreshDevices: async () => store.setState({ microphones: listed.microphones }),
    selectMicrophone: async (deviceId) => {
      asked.push(`microphone ${deviceId}`);
      store.setState({ microphoneId: deviceId });
    },
    selectCamera: async (deviceId) => void asked.push(`camera ${deviceId}`),
    setAudioMuted: async (muted) => {
      asked.push(`audio muted ${muted}`);
      store.setState({ audioMuted: muted });
    },
    setVideoMuted: async (muted) => void asked.push(`video muted ${muted}`),
  };
  return { store, asked, switcher: new DeviceSwitcher(store.getState, sliceWriter<LocalMediaState>(store), media) };
}

describe('switching devices as they come and go', () => {
  test('the headset unplugged: the built-in microphone is used, the mute state kept, and the user told', async () => {
    const listed = { microphones: [builtIn, headset] };
    const { store, asked, switcher } = setup(listed);
    store.setState({ microphones: listed.microphones, microphoneId: headset.deviceId, audioMuted: true, devices: { microphone: headset, camera: null, speaker: null } });
    listed.microphones = [builtIn];
    await switcher.devicesChanged();
    expect(asked).toEqual(['microphone default']);
    expect(store.getState().audioMuted).toBe(true);
    expect(store.getState().deviceNotice).toEqual({ kind: 'microphone', lost: 'USB Headset', using: 'Built-in Microphone' });
    // Plugged back in: offered, not taken over (a headset plugged in to charge must not grab the call).
    listed.microphones = [builtIn, headset];
    await switcher.devicesChanged();
    expect(asked).toEqual(['microphone default']);
    expect(store.getState().deviceOffer).toEqual({ kind: 'microphone', device: headset });
    // The user says yes: picked again, as in the settings, and said so.
    const engine = { selectMicrophone: async (deviceId: string) => void asked.push(`microphone ${deviceId}`), selectCamera: async () => undefined };
    await switchBack(store, engine);
    expect(asked).toEqual(['microphone default', 'microphone headset-1']);
    expect(store.getState().deviceOffer).toBeNull();
    expect(store.getState().deviceNotice).toEqual({ kind: 'microphone', lost: null, using: 'USB Headset' });
  });

  test('an offered device that goes again is no longer offered', async () => {
    const listed = { microphones: [builtIn] };
    const { store, asked, switcher } = setup(listed);
    store.setState({ microphones: listed.microphones, microphoneId: builtIn.deviceId, devices: { microphone: headset, camera: null, speaker: null } });
    listed.microphones = [builtIn, headset];
    await switcher.devicesChanged();
    expect(store.getState().deviceOffer).toEqual({ kind: 'microphone', device: headset });
    listed.microphones = [builtIn];
    await switcher.devicesChanged();
    expect(store.getState().deviceOffer).toBeNull();
    expect(asked).toEqual([]);
  });

  test('the last microphone gone: muted, and told there is none left', async () => {
    const listed = { microphones: [headset] };
    const { store, asked, switcher } = setup(listed);
    store.setState({ microphones: listed.microphones, microphoneId: headset.deviceId });
    listed.microphones = [];
    await switcher.trackEnded('microphone');
    expect(asked).toEqual(['audio muted true']);
    expect(store.getState().deviceNotice).toEqual({ kind: 'microphone', lost: 'USB Headset', using: '' });
  });
});
