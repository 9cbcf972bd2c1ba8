/** A request Janus answered with an error: the code lets callers tell "room exists" from "wrong pin". */
export class JanusRequestError extends Error {
  readonly code: number | undefined;
  constructor(message: string, code: number | undefined) {
    super(message);
    this.name = 'JanusRequestError';
    this.code = code;
  }

  /** Adapts whatever janus-gateway-js rejected with: its JanusError carries `code`, other failures do not. */
  static from(error: unknown): JanusRequestError {
    if (error instanceof JanusRequestError) return error;
    const code = typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number'
      ? (error as { code: number }).code
      : undefined;
    return new JanusRequestError(error instanceof Error ? error.message : String(error), code);
  }
}

/** VideoRoom error codes Confer reacts to (janus_videoroom.c). */
export const VideoRoomErrorCode = {
  noSuchRoom: 426,
  roomExists: 427,
  unauthorized: 433,
} as const;
