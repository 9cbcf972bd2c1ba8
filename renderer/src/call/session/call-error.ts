import { JoinRefusedError, type JoinProblem } from './join-errors.js';

/**
 * Why a call ended or never began, kept as a reason so the lobby says it
 * in the language shown (the catalogue's `joinError` block): a refused
 * join, a moderator's removal, or another failure with the error's own
 * text (from the network or a server, which has no translation).
 */
export type CallError = JoinProblem | { readonly reason: 'removed' } | { readonly reason: 'failed'; readonly detail: string };

/** Why a join failed, for the user: the refusal's problem, or the error's own text under `joinError.failed`. */
export function callErrorOf(error: unknown): CallError {
  if (error instanceof JoinRefusedError) return error.problem;
  return { reason: 'failed', detail: error instanceof Error ? error.message : String(error) };
}

/** A short, language-free account of a call error for logs and telemetry. */
export function callErrorCode(error: CallError): string {
  return error.reason === 'failed' ? `failed: ${error.detail}` : error.reason;
}
