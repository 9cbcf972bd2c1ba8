import type { ManagedProcess } from './managed-process.js';

/**
 * One server of the stack that can be stopped, crashed and started again
 * with the same configuration: the fault tests need all three.
 */
export interface StackService {
  readonly name: string;
  readonly running: boolean;
  /** The running process's id, to pause it as a hung server (SIGSTOP); undefined while stopped. */
  readonly pid: number | undefined;
  start(): Promise<void>;
  /** Graceful stop. */
  stop(): Promise<void>;
  /** SIGKILL, like a crash. */
  kill(): Promise<void>;
}

/** Wraps a launcher that returns a ready process into a restartable service. */
export function restartableService(name: string, launch: () => Promise<ManagedProcess>): StackService {
  let current: ManagedProcess | null = null;
  const end = async (how: 'stop' | 'kill'): Promise<void> => {
    const process = current;
    current = null;
    if (process) await process[how]();
  };
  return {
    name,
    get running() {
      return current !== null;
    },
    get pid() {
      return current?.child.pid;
    },
    async start() {
      if (current) return;
      current = await launch();
      const started = current;
      void started.exited.then(() => {
        if (current === started) current = null;
      });
    },
    stop: () => end('stop'),
    kill: () => end('kill'),
  };
}
