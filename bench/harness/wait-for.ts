/**
 * Polls `check` every 50 ms until it holds; a check that throws (a page
 * still loading) counts as not yet. On timeout the error names `what`, and
 * what `explain` says of the state then.
 */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string, explain?: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${explain ? `: ${await explain()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
