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

  test('registers the confer:// scheme the deep links use', () => {
    expect(config.protocols).toEqual([{ name: 'Confer meeting link', schemes: ['confer'] }]);
  });
});
