import { JanusCoreErrorCode, JanusRequestError, VideoRoomErrorCode } from '../janus/janus-request-error.js';

/** What a sentence about a refused join may name: the room, and which credentials Confer sent. */
export interface JoinContext {
  readonly room: string;
  readonly token: boolean;
  readonly apiSecret: boolean;
}

/**
 * Why a join was refused, as a key of the catalogue's `joinError` block:
 * the sentence the user sees is the catalogue's, filled in with the room
 * and, for an id of the wrong type, what Janus said.
 */
export type JoinProblemReason =
  | 'tokenAndSecretRefused'
  | 'tokenRefused'
  | 'secretRefused'
  | 'credentialsNeeded'
  | 'pluginNotAllowed'
  | 'noVideoRoom'
  | 'draining'
  | 'roomNotCreatable'
  | 'wrongPin'
  | 'idTypeMismatch'
  | 'roomGone'
  | 'publishersFull'
  | 'renewalRefused'
  | 'nodeNotConfigured'
  | 'notAdmitted';

export interface JoinProblem {
  readonly reason: JoinProblemReason;
  readonly room: string;
  readonly janus?: string;
}

/**
 * A join that failed for a reason retrying cannot change: a wrong PIN, or
 * a server that refuses Confer as it is configured. Its problem names the
 * sentence the user sees; its message is the reason, for logs.
 */
/** The join stopped before publishing, as the call's `mayPublish` asked: not a failure. */
export class PublishDeclinedError extends Error {
  constructor() {
    super('not published: the person is asked first');
    this.name = 'PublishDeclinedError';
  }
}

export class JoinRefusedError extends Error {
  constructor(readonly problem: JoinProblem) {
    super(problem.reason);
    this.name = 'JoinRefusedError';
  }
}

function credentialsRefused({ token, apiSecret }: JoinContext): JoinProblemReason {
  if (token && apiSecret) return 'tokenAndSecretRefused';
  if (token) return 'tokenRefused';
  if (apiSecret) return 'secretRefused';
  return 'credentialsNeeded';
}

function coreProblem(code: number, context: JoinContext): JoinProblemReason | null {
  switch (code) {
    case JanusCoreErrorCode.unauthorized:
      return credentialsRefused(context);
    case JanusCoreErrorCode.unauthorizedPlugin:
      return 'pluginNotAllowed';
    case JanusCoreErrorCode.pluginNotFound:
      return 'noVideoRoom';
    case JanusCoreErrorCode.notAcceptingSessions:
      return 'draining';
    default:
      return null;
  }
}

/** A `create` the server refused: Confer sends every other field it needs, so what is missing or wrong is the admin key. */
function creationRefused(error: JanusRequestError): boolean {
  return error.request === 'create' && (error.code === VideoRoomErrorCode.unauthorized || error.code === VideoRoomErrorCode.missingElement);
}

function videoRoomProblem(error: JanusRequestError): JoinProblemReason | null {
  if (creationRefused(error)) return 'roomNotCreatable';
  switch (error.code) {
    case VideoRoomErrorCode.unauthorized:
      // "Unauthorized (not in the allowed list)": a room with a waiting room, and no moderator's token.
      return /allowed list/.test(error.message) ? 'notAdmitted' : 'wrongPin';
    case VideoRoomErrorCode.invalidElement:
      return 'idTypeMismatch';
    case VideoRoomErrorCode.noSuchRoom:
      return 'roomGone';
    case VideoRoomErrorCode.publishersFull:
      return 'publishersFull';
    default:
      return null;
  }
}

/**
 * The problem for a Janus error the user can do nothing about but know
 * (or fix: a wrong PIN), or null for one that retrying may cure (a lost
 * connection, a timeout). Core errors (403, 405, 460…) and VideoRoom
 * errors share numbers with nothing else, so the code alone says which.
 */
export function serverProblem(error: unknown, context: JoinContext): JoinProblem | null {
  if (!(error instanceof JanusRequestError) && !(typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number')) return null;
  const request = JanusRequestError.from(error);
  if (request.code === undefined) return null;
  const reason = coreProblem(request.code, context) ?? videoRoomProblem(request);
  if (reason === null) return null;
  return reason === 'idTypeMismatch' ? { reason, room: context.room, janus: request.message } : { reason, room: context.room };
}

/** A join the room refused for a reason retrying cannot change: its problem, or null. */
export function joinRefusal(error: unknown): JoinProblem | null {
  return error instanceof JoinRefusedError ? error.problem : null;
}

/** An answer from Janus (no such session) means it restarted or timed us out: claiming again cannot work. */
export function janusRefusedClaim(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'number';
}
