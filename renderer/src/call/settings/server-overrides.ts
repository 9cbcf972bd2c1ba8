import { RuntimeConfigSchema, type RuntimeConfig } from '../../../../shared/config/runtime-config.js';
import type { CallPreferences } from '../../../../shared/desktop/call-preferences.js';

export type ServerOverrides = CallPreferences['servers'];

/** Why typed server addresses were refused: a translation key per reason. */
export type ServerInputProblem = 'janus-url' | 'signaling-urls';

export type ServerInput = { readonly ok: true; readonly servers: ServerOverrides } | { readonly ok: false; readonly problem: ServerInputProblem };

/**
 * Reads what the user typed in the Servers section: an empty field means
 * "use the configuration's", signaling URLs are separated by commas or
 * whitespace. Checked with the same schema as the configuration itself.
 */
export function parseServerInput(janusText: string, signalingText: string): ServerInput {
  const janus = janusText.trim();
  const signaling = signalingText.split(/[\s,]+/).filter((url) => url.length > 0);
  if (janus && !RuntimeConfigSchema.shape.janusUrl.safeParse(janus).success) return { ok: false, problem: 'janus-url' };
  if (signaling.length > 0 && !RuntimeConfigSchema.shape.signalingUrls.max(8).safeParse(signaling).success) return { ok: false, problem: 'signaling-urls' };
  return { ok: true, servers: { janusUrl: janus || null, signalingUrls: signaling.length > 0 ? signaling : null } };
}

/**
 * The configuration with the user's own servers in place of the configured
 * ones. The configured Janus token and API secret belong to the configured
 * Janus: another one typed here never receives them, and replaces the
 * configured nodes and the control plane too.
 */
export function withServerOverrides(config: RuntimeConfig, servers: ServerOverrides): RuntimeConfig {
  const merged = { ...config, janusUrl: servers.janusUrl ?? config.janusUrl, signalingUrls: servers.signalingUrls ?? config.signalingUrls };
  if (merged.janusUrl === config.janusUrl) return merged;
  // Nor the control plane: it sends joins to the configured nodes, not to the one typed here.
  const { janusToken: _token, janusApiSecret: _apiSecret, janusNodes: _nodes, controlPlaneUrl: _controlPlane, ...withoutCredentials } = merged;
  return withoutCredentials;
}
