import type { RuntimeConfig } from '../config/runtime-config.js';

/** `scheme://host[:port]` of an already validated URL (shared/ has no URL class: it runs without DOM or Node types). */
function originOf(url: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(url)?.[0];
  if (!origin) throw new Error(`not an absolute URL: ${url}`);
  return origin.toLowerCase();
}

/**
 * The Content-Security-Policy of every Confer page, in Electron and on the web:
 * only the app's own scripts and styles run, and the page may connect only to
 * the configured servers. No inline script, no eval, no plugins, no framing.
 */
export function buildContentSecurityPolicy(config: RuntimeConfig): string {
  const servers = new Set<string>([config.janusUrl, ...(config.janusNodes ?? []), ...config.signalingUrls].map(originOf));
  for (const url of [config.turnCredentialsUrl, config.otlpMetricsUrl, config.recordingsUrl, config.controlPlaneUrl]) if (url) servers.add(originOf(url));
  // Recordings play from the recordings server: the only origin besides our own that media may come from.
  const recordings = config.recordingsUrl ? [originOf(config.recordingsUrl)] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:', 'mediastream:', ...recordings],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...servers],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
