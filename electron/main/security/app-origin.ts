/** The renderer is served from this privileged scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'confer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` is a page of the app itself. Parsed, never prefix-matched: `app://confer.evil` is foreign. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** The IPC sender check: the app's own origin, and the top frame only. */
export function isAppTopFrame(frame: { readonly url: string; readonly parent: unknown }): boolean {
  return frame.parent === null && isAppUrl(frame.url);
}

/** Links that may leave the app for the user's browser or mail client. */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && EXTERNAL_PROTOCOLS.has(parsed.protocol);
}
