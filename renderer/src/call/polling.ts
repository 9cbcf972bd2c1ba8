/** A task run every `ms` while started; a failed run is dropped, and the next one tries again. */
export class Polling {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly ms: number,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.task().catch(() => undefined), this.ms);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
