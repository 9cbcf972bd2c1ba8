import { describe, expect, test } from 'vitest';
import { decideDeviceAction } from './device-fallback.js';

const builtIn = { deviceId: 'default', label: 'Default - Built-in Microphone' };
const headset = { deviceId: 'headset-1', label: 'USB Headset' };
const webcam = { deviceId: 'cam-2', label: 'Webcam' };

describe('what to do when devices come and go', () => {
  test('the headset in use is unplugged: fall back to the system default, naming both', () => {
    expect(decideDeviceAction({ before: [builtIn, headset], after: [builtIn], inUse: headset.deviceId, preferred: headset })).toEqual({ action: 'fall-back', lost: 'USB Headset', to: builtIn });
  });

  test('with no "default" entry, the first device listed is used', () => {
    expect(decideDeviceAction({ before: [webcam, headset], after: [webcam], inUse: headset.deviceId, preferred: null })).toEqual({ action: 'fall-back', lost: 'USB Headset', to: webcam });
  });

  test('the last device of its kind is gone: nothing to fall back to', () => {
    expect(decideDeviceAction({ before: [headset], after: [], inUse: headset.deviceId, preferred: null })).toEqual({ action: 'none-left', lost: 'USB Headset' });
  });

  test('a track that ended is lost even when its id is still listed (the default moved to another device)', () => {
    expect(decideDeviceAction({ before: [builtIn], after: [builtIn], inUse: 'default', preferred: null, trackEnded: true })).toEqual({ action: 'fall-back', lost: builtIn.label, to: builtIn });
  });

  test('the preferred headset is plugged back in: switch back to it', () => {
    expect(decideDeviceAction({ before: [builtIn], after: [builtIn, headset], inUse: 'default', preferred: headset })).toEqual({ action: 'return', to: headset });
  });

  test('another device plugged in, or one not in use unplugged, changes nothing', () => {
    expect(decideDeviceAction({ before: [builtIn], after: [builtIn, webcam], inUse: 'default', preferred: headset })).toEqual({ action: 'none' });
    expect(decideDeviceAction({ before: [builtIn, webcam], after: [builtIn], inUse: 'default', preferred: null })).toEqual({ action: 'none' });
    expect(decideDeviceAction({ before: [builtIn, headset], after: [builtIn, headset], inUse: headset.deviceId, preferred: headset })).toEqual({ action: 'none' });
  });

  test('the preferred device already listed before (chosen elsewhere on purpose) is not forced back', () => {
    expect(decideDeviceAction({ before: [builtIn, headset], after: [builtIn, headset], inUse: 'default', preferred: headset })).toEqual({ action: 'none' });
  });
});
