import { DeepLinkJoinSchema, type DeepLinkJoin } from '../../../shared/desktop/deep-link.js';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import type { DeepLinkProblem } from '../../../shared/desktop/shell-messages.js';

export const DEEP_LINK_SCHEME = 'confer';
/** Real links are short; a long one is a mistake or an attack, and either way not worth parsing. */
const MAX_LINK_LENGTH = 2048;

export type DeepLinkParse = { readonly ok: true; readonly link: DeepLinkJoin } | { readonly ok: false; readonly problem: DeepLinkProblem };

// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL_OR_EDGE_SPACE = /[\u0000-\u001f\u007f]|^\s|\s$/;

const refuse = (problem: DeepLinkProblem): DeepLinkParse => ({ ok: false, problem });

/**
 * Parses `confer://join/<room>?server=<url>&invite=<invite>`. Everything else — another
 * action, extra path segments, unknown parameters, credentials, a server
 * that is not http(s) — is refused with a reason the user is told in their language.
 */
export function parseDeepLink(raw: string): DeepLinkParse {
  if (raw.length > MAX_LINK_LENGTH) return refuse({ reason: 'tooLong' });
  // The URL parser silently drops control characters, tabs and newlines and trims spaces: a link that needs that is not one we made.
  if (CONTROL_OR_EDGE_SPACE.test(raw)) return refuse({ reason: 'controlCharacters' });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse({ reason: 'notAnAddress' });
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return refuse({ reason: 'wrongScheme' });
  if (url.host.toLowerCase() !== 'join') return refuse({ reason: 'notJoin' });
  if (url.username || url.password || url.hash) return refuse({ reason: 'extraParts' });
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length !== 1) return refuse({ reason: 'notOneRoom' });
  let room: string;
  try {
    room = decodeURIComponent(segments[0] ?? '');
  } catch {
    return refuse({ reason: 'unreadableRoom' });
  }
  const unknown = [...url.searchParams.keys()].filter((key) => key !== 'server' && key !== 'invite');
  if (unknown.length > 0) return refuse({ reason: 'unknownParameters', names: unknown });
  if (url.searchParams.getAll('server').length > 1) return refuse({ reason: 'severalServers' });
  if (url.searchParams.getAll('invite').length > 1) return refuse({ reason: 'severalInvites' });
  const invite = url.searchParams.get('invite');
  const server = url.searchParams.get('server');
  let serverOrigin: string | null = null;
  if (server !== null) {
    let parsedServer: URL;
    try {
      parsedServer = new URL(server);
    } catch {
      return refuse({ reason: 'serverNotAnAddress' });
    }
    if (!['http:', 'https:'].includes(parsedServer.protocol) || parsedServer.username || parsedServer.password) {
      return refuse({ reason: 'serverNotHttp' });
    }
    serverOrigin = parsedServer.origin;
  }
  const parsed = DeepLinkJoinSchema.safeParse({ room, server: serverOrigin, ...(invite === null ? {} : { invite }) });
  if (!parsed.success && parsed.error.issues[0]?.path[0] === 'invite') return refuse({ reason: 'damagedInvite' });
  if (!parsed.success) return refuse({ reason: 'invalidRoom', room, why: parsed.error.issues[0]?.message ?? 'invalid' });
  return { ok: true, link: parsed.data };
}

/** The deep link among a launch's arguments (Windows and Linux pass it on the command line). */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  return argv.find((argument) => argument.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) ?? null;
}

/**
 * A link made for another deployment must not silently join a room of the
 * same name here: its server's host must be one this app is configured for.
 */
export function serverMismatch(link: DeepLinkJoin, config: RuntimeConfig): DeepLinkProblem | null {
  if (link.server === null) return null;
  const linkHost = new URL(link.server).hostname;
  const knownHosts = new Set([config.janusUrl, ...(config.janusNodes ?? []), ...config.signalingUrls, ...(config.controlPlaneUrl ? [config.controlPlaneUrl] : [])].map((url) => new URL(url).hostname));
  if (knownHosts.has(linkHost)) return null;
  return { reason: 'otherServer', host: linkHost, known: [...knownHosts] };
}

/**
 * Holds links until the call window can receive them (a cold start by link
 * opens the window first), and turns every bad link into one message.
 */
export function createDeepLinkDispatcher(options: {
  readonly config: RuntimeConfig;
  readonly deliver: (link: DeepLinkJoin) => void;
  readonly reject: (problem: DeepLinkProblem) => void;
}) {
  let ready = false;
  let waiting: DeepLinkJoin | null = null;
  return {
    open(raw: string): void {
      const parsed = parseDeepLink(raw);
      if (!parsed.ok) return options.reject(parsed.problem);
      const mismatch = serverMismatch(parsed.link, options.config);
      if (mismatch) return options.reject(mismatch);
      if (ready) options.deliver(parsed.link);
      else waiting = parsed.link; // only the latest link matters
    },
    /** The call window loaded: hand it what arrived meanwhile. */
    windowReady(): void {
      ready = true;
      if (waiting) options.deliver(waiting);
      waiting = null;
    },
    /** The window is reloading or gone: hold links again. */
    windowGone(): void {
      ready = false;
    },
  };
}
