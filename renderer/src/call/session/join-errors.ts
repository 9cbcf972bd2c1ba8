import { JanusCoreErrorCode, JanusRequestError, VideoRoomErrorCode } from '../janus/janus-request-error.js';

/** What a sentence about a refused join may name: the room, and which credentials Confer sent. */
export interface JoinContext {
  readonly room: string;
  readonly token: boolean;
  readonly apiSecret: boolean;
}

/**
 * A join that failed for a reason retrying cannot change: a wrong PIN, or
 * a server that refuses Confer as it is configured. Its message is the
 * sentence the user sees.
 */
export class JoinRefusedError extends Error {
  constructor(sentence: string) {
    super(sentence);
    this.name = 'JoinRefusedError';
  }
}

function credentialsRefused({ token, apiSecret }: JoinContext): string {
  if (token && apiSecret) return 'The media server refused Confer\u2019s token and API secret: the token is unknown to it (never added, removed or expired) or the API secret is not its apisecret. Ask its operator for valid ones.';
  if (token) return 'The media server refused Confer\u2019s token: it is not one the server knows (never added, removed or expired). Ask its operator for a valid token.';
  if (apiSecret) return 'The media server refused Confer\u2019s API secret: it is not the server\u2019s apisecret. Ask its operator for the right one.';
  return 'The media server only lets in clients with a token or an API secret, and Confer is configured with neither (CONFER_JANUS_TOKEN, CONFER_JANUS_API_SECRET).';
}

function coreProblem(code: number, context: JoinContext): string | null {
  switch (code) {
    case JanusCoreErrorCode.unauthorized:
      return credentialsRefused(context);
    case JanusCoreErrorCode.unauthorizedPlugin:
      return 'The media server accepted Confer\u2019s token but not for video rooms: its operator must allow janus.plugin.videoroom for that token.';
    case JanusCoreErrorCode.pluginNotFound:
      return 'The media server has no VideoRoom plugin (janus.plugin.videoroom), which calls need: ask its operator to enable it.';
    case JanusCoreErrorCode.notAcceptingSessions:
      return 'The media server is not accepting new sessions (it is being drained): try again later.';
    default:
      return null;
  }
}

/** A `create` the server refused: Confer sends every other field it needs, so what is missing or wrong is the admin key. */
function creationRefused(error: JanusRequestError): boolean {
  return error.request === 'create' && (error.code === VideoRoomErrorCode.unauthorized || error.code === VideoRoomErrorCode.missingElement);
}

function videoRoomProblem(error: JanusRequestError, context: JoinContext): string | null {
  if (creationRefused(error)) {
    return `The room \u201c${context.room}\u201d does not exist on this media server, and the server does not let clients create rooms: creating one needs the deployment\u2019s admin key, which clients never hold. Ask its operator to create the room.`;
  }
  switch (error.code) {
    case VideoRoomErrorCode.unauthorized:
      return 'Wrong PIN: this room needs the PIN its host set. Check it and try again.';
    case VideoRoomErrorCode.invalidElement:
      return `The media server\u2019s video rooms take ids of another type than Confer sent (Janus says: \u201c${error.message}\u201d): its string_ids setting changed during the call, or the room cannot be addressed by this name.`;
    case VideoRoomErrorCode.noSuchRoom:
      return `The room \u201c${context.room}\u201d no longer exists on this media server.`;
    case VideoRoomErrorCode.publishersFull:
      return `The room \u201c${context.room}\u201d already has as many people sending video as the server allows for it.`;
    default:
      return null;
  }
}

/**
 * The sentence for a Janus error the user can do nothing about but know
 * (or fix: a wrong PIN), or null for one that retrying may cure (a lost
 * connection, a timeout). Core errors (403, 405, 460…) and VideoRoom
 * errors share numbers with nothing else, so the code alone says which.
 */
export function serverProblem(error: unknown, context: JoinContext): string | null {
  if (!(error instanceof JanusRequestError) && !(typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number')) return null;
  const request = JanusRequestError.from(error);
  if (request.code === undefined) return null;
  return coreProblem(request.code, context) ?? videoRoomProblem(request, context);
}

/** A sentence for the user about a join that failed. */
export function joinErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A join the room refused for a reason retrying cannot change: its message, or null. */
export function joinRefusal(error: unknown): string | null {
  return error instanceof JoinRefusedError ? error.message : null;
}

/** An answer from Janus (no such session) means it restarted or timed us out: claiming again cannot work. */
export function janusRefusedClaim(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'number';
}
