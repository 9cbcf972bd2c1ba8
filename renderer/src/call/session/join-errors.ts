import { JanusRequestError, VideoRoomErrorCode } from '../janus/janus-request-error.js';

/** A sentence for the user about a join that failed. */
export function joinErrorMessage(error: unknown): string {
  if (error instanceof JanusRequestError && error.code === VideoRoomErrorCode.unauthorized) {
    return 'Wrong PIN: this room needs the PIN its host set. Check it and try again.';
  }
  return error instanceof Error ? error.message : String(error);
}

/** A join the room refused for a reason retrying cannot change (a wrong PIN): its message, or null. */
export function joinRefusal(error: unknown): string | null {
  return error instanceof JanusRequestError && error.code === VideoRoomErrorCode.unauthorized ? joinErrorMessage(error) : null;
}

/** An answer from Janus (no such session) means it restarted or timed us out: claiming again cannot work. */
export function janusRefusedClaim(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'number';
}
