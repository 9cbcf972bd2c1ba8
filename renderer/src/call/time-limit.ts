/**
 * Settles like `promise`, or rejects with `expired()` once `ms` pass first.
 * The timer never outlives the race.
 */
export function timeLimit<T>(promise: Promise<T>, ms: number, expired: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(expired()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
