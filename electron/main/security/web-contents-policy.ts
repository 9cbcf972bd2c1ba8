import type { Session, Shell, WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './app-origin.js';

type Permission = Parameters<NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>>[1];

/** The only permissions the app asks for: camera, microphone and screen capture for calls. */
const GRANTED_TO_APP: ReadonlySet<Permission> = new Set<Permission>(['media', 'display-capture']);

/** Deny-by-default permission decision: only the app's own origin gets media, nothing else is granted. */
export function isPermissionGranted(permission: Permission, requestingUrl: string): boolean {
  return GRANTED_TO_APP.has(permission) && isAppUrl(requestingUrl);
}

export function applyPermissionPolicy(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
}

/**
 * The app never navigates away from itself and never opens windows of its
 * own accord; http(s) and mailto links go to the user's default handler.
 */
export function applyNavigationPolicy(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Confer never talks to HID, serial, USB or Bluetooth devices: no page gets them, whatever it asks. */
export function applyDevicePolicy(session: Pick<Session, 'setDevicePermissionHandler'>): void {
  session.setDevicePermissionHandler(() => false);
}
