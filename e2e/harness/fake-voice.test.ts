import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { fakeVoiceFile } from './fake-voice.js';

describe('the fake voice', () => {
  test('is a 48 kHz mono 16-bit WAV Chromium can read', async () => {
    const wav = await readFile(await fakeVoiceFile());
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect([wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34)]).toEqual([1, 1, 48_000, 16]);
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
  });

  test('is loud enough for a room that needs -40 dBov to count as talking', async () => {
    const wav = await readFile(await fakeVoiceFile());
    let sumOfSquares = 0;
    const samples = (wav.length - 44) / 2;
    for (let index = 0; index < samples; index += 1) sumOfSquares += (wav.readInt16LE(44 + index * 2) / 32768) ** 2;
    const dbov = 20 * Math.log10(Math.sqrt(sumOfSquares / samples));
    expect(dbov).toBeGreaterThan(-20);
  });

  test('loops without a jump: the last sample leads back into the first', async () => {
    const wav = await readFile(await fakeVoiceFile());
    const first = wav.readInt16LE(44);
    const last = wav.readInt16LE(wav.length - 2);
    const step = Math.abs(wav.readInt16LE(46) - first);
    expect(Math.abs(first - last)).toBeLessThanOrEqual(step);
  });
});
