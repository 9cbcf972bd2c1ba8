import { z } from 'zod';
import type { RuntimeConfig } from '../../../../shared/config/runtime-config.js';

/** What the TURN REST endpoint answers (deploy/stack/open-turn-credentials.ts), checked before use. */
const TurnCredentialsSchema = z.looseObject({
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(256),
  uris: z.array(z.string().regex(/^turns?:/).max(512)).min(1).max(16),
});

/** A stuck credential endpoint must not hold up joining: without TURN, direct paths may still work. */
const TURN_FETCH_TIMEOUT_MS = 3000;

/**
 * The RTCConfiguration for every PeerConnection of a call: only the
 * configured servers, never a library's public STUN default, plus
 * short-lived TURN credentials when an endpoint is configured.
 */
export async function resolveRtcConfiguration(config: RuntimeConfig, warn: (message: string) => void): Promise<RTCConfiguration> {
  const fetched: RTCIceServer[] = [];
  if (config.turnCredentialsUrl) {
    try {
      const response = await fetch(config.turnCredentialsUrl, { cache: 'no-store', signal: AbortSignal.timeout(TURN_FETCH_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const credentials = TurnCredentialsSchema.parse(await response.json());
      fetched.push({ urls: credentials.uris, username: credentials.username, credential: credentials.password });
    } catch (error) {
      warn(`TURN credentials unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return rtcConfigurationWith(config, fetched);
}

/**
 * The configured ICE servers and policy, with `extra` servers (TURN
 * credentials a control plane handed out). A renewal replaces only
 * `iceServers` on the same object, which setConfiguration accepts.
 */
export function rtcConfigurationWith(config: RuntimeConfig, extra: readonly RTCIceServer[]): RTCConfiguration {
  return {
    iceServers: [...config.iceServers.map((server) => ({ ...server })), ...extra],
    iceTransportPolicy: config.iceTransportPolicy ?? 'all',
    bundlePolicy: 'max-bundle',
    rtcpMuxPolicy: 'require',
    // Candidates gathered as soon as a connection exists, not when its description is set: an answer to Janus then
    // leaves in milliseconds instead of after a full gathering (about 120 ms on loopback). Part of the shared object,
    // since setConfiguration refuses a pool size changed after a description was set.
    iceCandidatePoolSize: 1,
  };
}
