/** A chosen peer that has not started catching us up by then is given up, and we ask the room again. */
export const PULL_TIMEOUT_MS = 15_000;

/**
 * Whom one document pulls its catch-up from now, and when to give up on
 * them. The deadline covers only the time before the catch-up starts to
 * flow: once the direct channel is open, a big board takes as long as
 * SCTP needs on a loaded machine (ten megabytes took over 15 s at a load
 * of 15), and giving up then would throw that transfer away and start
 * another of the same size. The channel closing, or the peer leaving the
 * room, ends that wait instead.
 */
export class CurrentPull {
  private peer: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** `onTimeout` runs if `peer` has not started delivering within the deadline. */
  constructor(private readonly onTimeout: (peer: string) => void) {}

  get from(): string | null {
    return this.peer;
  }

  /** Whether we pull from `peer` and its catch-up has not started to flow. */
  awaiting(peer: string): boolean {
    return this.peer === peer && this.timer !== null;
  }

  start(peer: string): void {
    this.stop();
    this.peer = peer;
    this.arm();
  }

  /** The catch-up from `peer` started arriving (its direct channel opened): no deadline while it flows. */
  flowing(peer: string): void {
    if (this.peer === peer) this.disarm();
  }

  /** The direct channel from `peer` closed before its catch-up arrived: it may still come through the room, within a deadline. */
  interrupted(peer: string): void {
    if (this.peer === peer) this.arm();
  }

  stop(): void {
    this.disarm();
    this.peer = null;
  }

  private arm(): void {
    this.disarm();
    const peer = this.peer;
    if (peer === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.peer === peer) this.onTimeout(peer);
    }, PULL_TIMEOUT_MS);
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** A pull repeated within this long, for the same state vector, is the same pull. */
export const REPEATED_PULL_MS = 2000;

/**
 * The last pull each member sent us. A member re-sends its pull when our
 * hello says we never heard it; when our hello only crossed the first pull,
 * the second is a repeat, and answering it would start the catch-up over.
 */
export class RepeatedPulls {
  private readonly last = new Map<string, { readonly key: string; readonly at: number }>();

  /** Notes a pull from `from`; true when it repeats the one before. */
  repeated(from: string, stateVector: Uint8Array): boolean {
    const key = stateVector.join();
    const before = this.last.get(from);
    const now = performance.now();
    if (before?.key === key && now - before.at < REPEATED_PULL_MS) return true;
    this.last.set(from, { key, at: now });
    return false;
  }

  forget(from: string): void {
    this.last.delete(from);
  }
}
