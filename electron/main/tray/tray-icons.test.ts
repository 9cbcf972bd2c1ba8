import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import config from '../../../electron-builder.config.js';
import { PRESENCE_ICONS } from './presence-state.js';

const buildDirectory = path.resolve(import.meta.dirname, '../../../build');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('icons in build/', () => {
  test.each(PRESENCE_ICONS.flatMap((state) => (['light', 'dark'] as const).map((theme) => [state, theme] as const)))(
    'tray icon %s (%s panels) exists at 1x and 2x',
    (state, theme) => {
      expect(pngSize(path.join(buildDirectory, 'tray', `${state}-${theme}.png`))).toEqual([16, 16]);
      expect(pngSize(path.join(buildDirectory, 'tray', `${state}-${theme}@2x.png`))).toEqual([32, 32]);
    },
  );

  test('the app icon is 512×512 and Linux gets every size', () => {
    expect(pngSize(path.join(buildDirectory, 'icon.png'))).toEqual([512, 512]);
    for (const size of [16, 32, 48, 128, 256, 512]) {
      expect(pngSize(path.join(buildDirectory, 'icons', `${size}x${size}.png`))).toEqual([size, size]);
    }
  });

  test('the package ships the tray icons where the main process looks for them', () => {
    expect(config.extraResources).toEqual([{ from: 'build/tray', to: 'tray', filter: ['*.png'] }]);
  });
});
