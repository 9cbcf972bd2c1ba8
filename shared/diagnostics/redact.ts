/** Words that make a key's value a secret wherever it appears in a diagnostics bundle. */
const SECRET_WORDS = new Set([
  'secret', 'apisecret', 'password', 'passwd', 'pin', 'token', 'credential', 'credentials',
  'authorization', 'cookie', 'key', 'username',
]);

/** `roomSecret`, `room_secret` and `room-secret` all split into ["room", "secret"]; `pingMs` stays ["ping", "ms"]. */
function isSecretKey(key: string): boolean {
  return key
    .split(/[_\-\s.]+|(?<=[a-z0-9])(?=[A-Z])/)
    .some((word) => SECRET_WORDS.has(word.toLowerCase()));
}

/** URL query parameters that carry secrets. */
const SECRET_QUERY = /([?&](?:secret|pin|token|password|credential|key|access_token)=)[^&#\s]*/gi;
/** `user:password@` in URLs. */
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi;

export const REDACTED = '[redacted]';

/** Limits so that a hostile or runaway bundle cannot make redaction itself the problem. */
const MAX_DEPTH = 32;

function redactString(value: string): string {
  return value.replace(URL_USERINFO, `$1${REDACTED}@`).replace(SECRET_QUERY, `$1${REDACTED}`);
}

/**
 * A copy of `value` safe to attach to a bug report: values under secret-like
 * keys (room secrets and pins, tokens, TURN usernames and credentials) are
 * replaced, and secrets embedded in URLs are cut out of every string.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSecretKey(key) && item !== null && item !== undefined && typeof item !== 'boolean' ? REDACTED : redactSecrets(item, depth + 1);
  }
  return copy;
}
