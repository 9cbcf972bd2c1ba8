import { describe, expect, test } from 'vitest';
import { JanusRequestError } from '../janus/janus-request-error.js';
import { createI18n } from '../../i18n/i18n.js';
import { joinRefusal, JoinRefusedError, serverProblem as problemOf, type JoinContext } from './join-errors.js';
import { callErrorOf, type CallError } from './call-error.js';

const context = (change: Partial<JoinContext> = {}): JoinContext => ({ room: 'standup', token: false, apiSecret: false, ...change });
/** janus-gateway-js rejects a core request Janus refused with an error carrying Janus's code and reason. */
const coreError = (code: number, reason: string) => Object.assign(new Error(reason), { code });
const english = createI18n('en');
/** What the lobby shows for a call error, in a language. */
const say = (error: CallError, i18n = english) => i18n.t(`joinError.${error.reason}`, { ...error });
/** The sentence the user reads for a Janus error, or null for one retrying may cure. */
const serverProblem = (error: unknown, context: JoinContext) => {
  const problem = problemOf(error, context);
  return problem && say(problem);
};

describe('Janus errors as sentences', () => {
  test.each([
    ['no credentials', {}, /configured with neither \(CONFER_JANUS_TOKEN, CONFER_JANUS_API_SECRET\)/],
    ['a token', { token: true }, /refused Confer’s token: it is not one the server knows \(never added, removed or expired\)/],
    ['an API secret', { apiSecret: true }, /refused Confer’s API secret: it is not the server’s apisecret/],
    ['both', { token: true, apiSecret: true }, /refused Confer’s token and API secret/],
  ])('403 (unauthorized request) with %s names what was refused', (_label, change, sentence) => {
    expect(serverProblem(coreError(403, 'Unauthorized request (wrong or missing secret/token)'), context(change))).toMatch(sentence);
  });

  test('405: the token does not cover the VideoRoom plugin', () => {
    expect(serverProblem(coreError(405, 'Provided token is not authorized for plugin'), context({ token: true }))).toMatch(/allow janus\.plugin\.videoroom for that token/);
  });

  test('460: the server has no VideoRoom plugin', () => {
    expect(serverProblem(coreError(460, 'No such plugin'), context())).toMatch(/no VideoRoom plugin \(janus\.plugin\.videoroom\)/);
  });

  test.each([
    ['429, no admin key', 'Missing mandatory element (admin_key)', 429],
    ['433, a wrong one', 'Unauthorized (wrong admin_key)', 433],
  ])('a refused create (%s): the room does not exist and creating one needs the admin key', (_label, reason, code) => {
    const refused = new JanusRequestError(reason, code, 'create');
    expect(serverProblem(refused, context())).toBe(
      'The room “standup” does not exist on this media server, and the server does not let clients create rooms: creating one needs the deployment’s admin key, which clients never hold. Ask its operator to create the room.',
    );
  });

  test('433 on join is a wrong PIN', () => {
    expect(serverProblem(new JanusRequestError('Unauthorized (wrong pin)', 433, 'join'), context())).toMatch(/^Wrong PIN/);
  });

  test('433 for a token not on the allowed list: a moderator did not let us in', () => {
    expect(serverProblem(new JanusRequestError('Unauthorized (not in the allowed list)', 433, 'join'), context())).toBe('A moderator of “standup” did not let you in.');
  });

  test('430: an id of the wrong type quotes Janus', () => {
    const mismatch = new JanusRequestError('Invalid element type (room should be a positive integer)', 430, 'join');
    expect(serverProblem(mismatch, context())).toMatch(/take ids of another type than Confer sent \(Janus says: “Invalid element type \(room should be a positive integer\)”\)/);
  });

  test('errors that retrying may cure have no sentence: a lost socket, a timeout, an unknown code', () => {
    expect(serverProblem(new Error('Cannot reach the media server at ws://127.0.0.1:1'), context())).toBeNull();
    expect(serverProblem(new JanusRequestError("Janus did not answer the 'join' request within 10 s", undefined, 'join'), context())).toBeNull();
    expect(serverProblem(coreError(458, 'No such session'), context())).toBeNull();
  });

  test('only a refused join ends a reconnecting call', () => {
    expect(joinRefusal(new JoinRefusedError({ reason: 'wrongPin', room: 'standup' }))).toEqual({ reason: 'wrongPin', room: 'standup' });
    expect(joinRefusal(new JanusRequestError('Unauthorized', 433, 'join'))).toBeNull();
  });

  test('the sentences are the catalogue’s: German names the room and quotes Janus too', () => {
    const german = createI18n('de');
    const mismatch = problemOf(new JanusRequestError('Invalid element type', 430, 'join'), context());
    expect(mismatch && say(mismatch, german)).toMatch(/Janus meldet: „Invalid element type“/);
    const gone = problemOf(new JanusRequestError('No such room', 426, 'join'), context());
    expect(gone && say(gone, german)).toBe('Den Raum „standup“ gibt es auf diesem Medienserver nicht mehr.');
    expect(say({ reason: 'removed' }, german)).toBe('Eine Moderatorin oder ein Moderator hat Sie aus der Besprechung entfernt.');
  });

  test('any other failure keeps its own text inside the sentence', () => {
    expect(say(callErrorOf(new Error('Cannot reach the media server at ws://127.0.0.1:1')))).toBe('Could not join the meeting: Cannot reach the media server at ws://127.0.0.1:1');
    expect(callErrorOf(new JoinRefusedError({ reason: 'draining', room: 'r' }))).toEqual({ reason: 'draining', room: 'r' });
  });
});
