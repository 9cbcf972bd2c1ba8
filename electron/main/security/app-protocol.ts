import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin.js';

/** Registered before `ready`: standard and secure, so the renderer is a secure context with its own origin. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
} as const;

/**
 * Maps an app:// URL to a file inside `rootDirectory`, or null when the URL
 * names another host or tries to leave the folder (`..`, encoded separators).
 */
export function resolveAppAsset(rootDirectory: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Encoded separators, parent segments and NUL bytes have no business in an asset path.
  if (relative.includes('\\') || relative.includes('\0') || relative.split('/').includes('..')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rootDirectory);
  const resolved = path.resolve(root, `.${path.posix.normalize(relative)}`);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

export interface AppProtocolOptions {
  readonly rootDirectory: string;
  readonly contentSecurityPolicy: string;
}

/** Serves the built renderer over app://, with the CSP on every response. */
export function registerAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  net: Pick<Net, 'fetch'>,
  options: AppProtocolOptions,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(options.rootDirectory, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const fileResponse = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(fileResponse.headers);
    headers.set('Content-Security-Policy', options.contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(fileResponse.body, { status: fileResponse.status, headers });
  });
}
