import { timeLimit } from '../time-limit.js';

/** Leaving must not hang on a server that stopped answering. */
const LEAVE_TIMEOUT_MS = 2000;

/** Waits for a step of leaving, at most LEAVE_TIMEOUT_MS; its failure or silence does not stop the rest. */
export async function leaveStep(step: Promise<unknown> | undefined): Promise<void> {
  if (step) await timeLimit(step, LEAVE_TIMEOUT_MS, () => new Error('timed out')).catch(() => undefined);
}
