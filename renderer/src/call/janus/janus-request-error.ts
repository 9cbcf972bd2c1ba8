/** A request Janus answered with an error: the code lets callers tell "room exists" from "wrong pin". */
export class JanusRequestError extends Error {
  readonly code: number | undefined;
  /** The request that failed (`create`, `join`…), for errors whose meaning depends on it. */
  readonly request: string | undefined;
  constructor(message: string, code: number | undefined, request?: string) {
    super(message);
    this.name = 'JanusRequestError';
    this.code = code;
    this.request = request;
  }

  /** Adapts whatever janus-gateway-js rejected with: its JanusError carries `code`, other failures do not. */
  static from(error: unknown, request?: string): JanusRequestError {
    if (error instanceof JanusRequestError) return error;
    const code = typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number'
      ? (error as { code: number }).code
      : undefined;
    return new JanusRequestError(error instanceof Error ? error.message : String(error), code, request);
  }
}

/** VideoRoom error codes Confer reacts to (janus_videoroom.c). */
export const VideoRoomErrorCode = {
  noSuchRoom: 426,
  roomExists: 427,
  /** A mandatory field missing: on `create`, the `admin_key` a server with one requires ("Missing mandatory element (admin_key)"). */
  missingElement: 429,
  /** An id of the wrong type: a string room where the room takes numbers, or the reverse. */
  invalidElement: 430,
  /** A wrong PIN on `join`; a missing or wrong `admin_key` on `create`. */
  unauthorized: 433,
  publishersFull: 432,
} as const;

/** Janus core error codes (apierror.h) a user can do nothing about but tell the server's operator. */
export const JanusCoreErrorCode = {
  /** A missing or wrong `token` or `apisecret`. */
  unauthorized: 403,
  /** The token is valid but not for this plugin. */
  unauthorizedPlugin: 405,
  pluginNotFound: 460,
  notAcceptingSessions: 472,
} as const;
