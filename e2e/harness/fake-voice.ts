import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** 48 kHz mono, 16-bit: what Chromium's fake capture reads from a WAV file. */
const SAMPLE_RATE = 48_000;
/** A whole number of cycles (440 Hz for 2 s), so Chromium's loop of the file has no click. */
const FREQUENCY_HZ = 440;
const SECONDS = 2;
/**
 * 0.3 of full scale: about -13 dBov, well above the -40 dBov a room needs
 * for `talking`. Chromium's own fake microphone beeps too briefly to reach it.
 */
const AMPLITUDE = 0.3;

function toneWav(): Buffer {
  const samples = SAMPLE_RATE * SECONDS;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  for (let index = 0; index < samples; index += 1) {
    wav.writeInt16LE(Math.round(AMPLITUDE * 32767 * Math.sin((2 * Math.PI * FREQUENCY_HZ * index) / SAMPLE_RATE)), 44 + index * 2);
  }
  return wav;
}

let written: Promise<string> | null = null;

/** A WAV file of a steady tone that Janus hears as someone talking, written once per test process. */
export function fakeVoiceFile(): Promise<string> {
  written ??= (async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'confer-voice-')), 'voice.wav');
    await writeFile(file, toneWav());
    return file;
  })();
  return written;
}
