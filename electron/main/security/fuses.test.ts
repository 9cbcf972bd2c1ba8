import { describe, expect, test } from 'vitest';
import config from '../../../electron-builder.config.js';

describe('packaged app fuses', () => {
  test('Node cannot be reached from outside and only the integrity-checked asar loads', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  test('builds AppImage, deb, dmg and nsis installers with the app icon', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], icon: 'build/icons', mimeTypes: ['x-scheme-handler/confer'] });
    expect(config.mac).toMatchObject({ target: ['dmg'], icon: 'build/icon.png', hardenedRuntime: true });
    expect(config.win).toMatchObject({ target: ['nsis'], icon: 'build/icon.png' });
  });

  test('registers the confer:// scheme the deep links use', () => {
    expect(config.protocols).toEqual([{ name: 'Confer meeting link', schemes: ['confer'] }]);
  });
});
