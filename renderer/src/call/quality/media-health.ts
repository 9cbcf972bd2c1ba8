/**
 * Watches the ICE state of every PeerConnection of a call. Publishers and
 * the subscriber restart ICE once when they break; when the path stays
 * down (a relay server gone, for one) a single restart finds no candidates
 * and nothing tries again. This says when the user must be told, and paces
 * further restarts until media flows again.
 */
export interface MediaHealthPolicy {
  /** Broken this long before the user is told: a restart usually heals sooner. */
  readonly tellAfterMs: number;
  /** Between two restarts while broken: each one gathers candidates and negotiates with Janus. */
  readonly retryEveryMs: number;
}

export const DEFAULT_MEDIA_HEALTH_POLICY: MediaHealthPolicy = { tellAfterMs: 5000, retryEveryMs: 5000 };

export interface MediaHealth {
  readonly brokenSince: number | null;
  readonly lastRetryAt: number | null;
}

export const initialMediaHealth: MediaHealth = { brokenSince: null, lastRetryAt: null };

/** States in which media can flow; `new` and `closed` belong to connections not (or no longer) in use. */
const HEALTHY: ReadonlySet<RTCIceConnectionState> = new Set(['connected', 'completed', 'new', 'closed']);

export interface MediaHealthStep {
  readonly health: MediaHealth;
  /** The user should see that media is cut off. */
  readonly broken: boolean;
  /** Restart ICE on every connection now. */
  readonly retry: boolean;
}

export function nextMediaHealth(health: MediaHealth, states: readonly RTCIceConnectionState[], nowMs: number, policy = DEFAULT_MEDIA_HEALTH_POLICY): MediaHealthStep {
  if (states.every((state) => HEALTHY.has(state))) return { health: initialMediaHealth, broken: false, retry: false };
  const brokenSince = health.brokenSince ?? nowMs;
  const broken = nowMs - brokenSince >= policy.tellAfterMs;
  const retry = broken && (health.lastRetryAt === null || nowMs - health.lastRetryAt >= policy.retryEveryMs);
  return { health: { brokenSince, lastRetryAt: retry ? nowMs : health.lastRetryAt }, broken, retry };
}

/** What is cut off, for the user's sentence: the relay server (a relay-only call), or the network path. */
export function mediaProblemOf(relayOnly: boolean): 'relay' | 'path' {
  return relayOnly ? 'relay' : 'path';
}
