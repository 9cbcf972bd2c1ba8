import { describe, expect, test } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import { deviceProblemOf, screenRequest } from './capture.js';

describe('what a screen share asks the browser for', () => {
  test('sound is asked for, so the picker can offer it, system-wide where the platform has it, with the call’s own sound kept out', () => {
    const request = screenRequest();
    expect(request.audio).toMatchObject({ restrictOwnAudio: true, echoCancellation: false, noiseSuppression: false, autoGainControl: false });
    expect(request.systemAudio).toBe('include');
  });

  test('the picture stays at a share’s frame rate', () => {
    expect(screenRequest().video).toEqual({ frameRate: { ideal: 15, max: 30 } });
  });
});

describe('why a device could not be opened', () => {
  test('the browser’s error becomes a reason, and the reason a sentence in each language', () => {
    const refused = deviceProblemOf('camera', new DOMException('denied', 'NotAllowedError'));
    expect(refused).toEqual({ kind: 'camera', reason: 'notAllowed' });
    expect(deviceProblemOf('microphone', new DOMException('gone', 'OverconstrainedError'))).toEqual({ kind: 'microphone', reason: 'notFound' });
    expect(deviceProblemOf('microphone', new DOMException('busy', 'NotReadableError'))).toEqual({ kind: 'microphone', reason: 'inUse' });
    expect(deviceProblemOf('camera', new Error('anything else'))).toEqual({ kind: 'camera', reason: 'failed' });
    expect(createI18n('en').t(`deviceProblem.${refused.kind}.${refused.reason}`)).toBe('Confer may not use your camera: allow it in the browser or system settings.');
    expect(createI18n('de').t('deviceProblem.microphone.inUse')).toBe('Ihr Mikrofon wird von einer anderen Anwendung verwendet.');
  });
});
