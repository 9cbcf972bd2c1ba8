import { EventEmitter } from 'node:events';
import type { App, HandlerDetails, Protocol, Session, Shell, WebContents } from 'electron';
import { describe, expect, test } from 'vitest';
import { isAppTopFrame, isAppUrl, isSafeExternalUrl } from './app-origin.js';
import { APP_SCHEME_PRIVILEGES } from './app-protocol.js';
import { hardenBeforeReady } from './startup-hardening.js';
import { applyDevicePolicy, applyNavigationPolicy, applyPermissionPolicy, isPermissionGranted } from './web-contents-policy.js';

type Permission = Parameters<typeof isPermissionGranted>[0];

describe('permission policy', () => {
  test.each<[Permission, string, boolean]>([
    ['media', 'app://confer/index.html', true],
    ['display-capture', 'app://confer/index.html', true],
    ['media', 'https://evil.example/', false],
    ['media', 'app://confer.evil/', false],
    ['display-capture', 'file:///tmp/x.html', false],
    ['notifications', 'app://confer/index.html', false],
    ['geolocation', 'app://confer/index.html', false],
    ['clipboard-read', 'app://confer/index.html', false],
    ['openExternal', 'app://confer/index.html', false],
    ['fullscreen', 'app://confer/index.html', false],
  ])('%s for %s → %s', (permission, url, granted) => {
    expect(isPermissionGranted(permission, url)).toBe(granted);
  });

  test('both the request and the check handler apply the same rule', () => {
    let request: Parameters<Session['setPermissionRequestHandler']>[0] = null;
    let check: Parameters<Session['setPermissionCheckHandler']>[0] = null;
    applyPermissionPolicy({
      setPermissionRequestHandler: (handler) => void (request = handler),
      setPermissionCheckHandler: (handler) => void (check = handler),
    });
    const answers: boolean[] = [];
    const contents = {} as WebContents;
    request!(contents, 'media', (granted) => answers.push(granted), { requestingUrl: 'app://confer/index.html' } as never);
    request!(contents, 'media', (granted) => answers.push(granted), { requestingUrl: 'https://evil.example/' } as never);
    expect(answers).toEqual([true, false]);
    expect(check!(contents, 'media', 'app://confer', {} as never)).toBe(true);
    expect(check!(contents, 'hid', 'app://confer', {} as never)).toBe(false);
  });

  test('devices (HID, serial, USB) are refused to everyone', () => {
    let handler: Parameters<Session['setDevicePermissionHandler']>[0] = null;
    applyDevicePolicy({ setDevicePermissionHandler: (h) => void (handler = h) });
    expect(handler!({ deviceType: 'hid', origin: 'app://confer', device: {} } as never)).toBe(false);
  });
});

describe('navigation and window.open policy', () => {
  function setup() {
    const contents = new EventEmitter() as EventEmitter & Pick<WebContents, 'setWindowOpenHandler'>;
    let openHandler: ((details: HandlerDetails) => { action: 'deny' | 'allow' }) | undefined;
    contents.setWindowOpenHandler = (handler) => void (openHandler = handler as typeof openHandler);
    const opened: string[] = [];
    const shell: Pick<Shell, 'openExternal'> = { openExternal: async (url) => void opened.push(url) };
    applyNavigationPolicy(contents as unknown as Pick<WebContents, 'on' | 'setWindowOpenHandler'>, shell);
    const navigate = (event: 'will-navigate' | 'will-redirect', url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { navigate, open: (url: string) => openHandler!({ url } as HandlerDetails), opened, contents };
  }

  test.each(['will-navigate', 'will-redirect'] as const)('%s stays inside the app', (event) => {
    const { navigate } = setup();
    expect(navigate(event, 'app://confer/index.html?view=overlay')).toBe(false);
    expect(navigate(event, 'https://evil.example/')).toBe(true);
    expect(navigate(event, 'file:///etc/passwd')).toBe(true);
    expect(navigate(event, 'app://confer.evil/')).toBe(true);
  });

  test('window.open is always denied; only http, https and mailto reach the system', () => {
    const { open, opened } = setup();
    for (const url of ['https://example.com/a', 'http://example.com', 'mailto:a@example.com', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'confer://join/x', 'app://confer/index.html']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/a', 'http://example.com', 'mailto:a@example.com']);
  });

  test('webviews are never attached', () => {
    const { contents } = setup();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('origin checks', () => {
  test.each([
    ['https://example.com', true],
    ['mailto:someone@example.com', true],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['vbscript:msgbox', false],
    ['not a url', false],
  ])('openExternal allows %s: %s', (url, allowed) => {
    expect(isSafeExternalUrl(url)).toBe(allowed);
  });

  test('the IPC sender must be the app’s top frame', () => {
    expect(isAppTopFrame({ url: 'app://confer/index.html', parent: null })).toBe(true);
    expect(isAppTopFrame({ url: 'app://confer/index.html', parent: {} })).toBe(false);
    expect(isAppUrl('app://confer@evil.example/')).toBe(false);
  });
});

describe('startup hardening', () => {
  test('enables the sandbox for every renderer and registers app:// as a secure standard scheme', () => {
    const calls: unknown[] = [];
    hardenBeforeReady(
      { enableSandbox: () => void calls.push('sandbox') } as Pick<App, 'enableSandbox'>,
      { registerSchemesAsPrivileged: (schemes) => void calls.push(schemes) } as Pick<Protocol, 'registerSchemesAsPrivileged'>,
    );
    expect(calls).toEqual(['sandbox', [APP_SCHEME_PRIVILEGES]]);
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });
});
