/** How often to look for our parent: a second is quick enough for a human and costs nothing. */
const PARENT_POLL_MS = 1000;

/**
 * Calls `onOrphaned` when the process that started us exits (we get
 * re-parented, so our ppid changes). Node has no parent-death signal.
 */
export function stopWithParent(onOrphaned: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onOrphaned();
    }
  }, PARENT_POLL_MS);
  timer.unref();
}
