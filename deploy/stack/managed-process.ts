import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal) when the process ends, for any reason. */
  readonly exited: Promise<string>;
  /** The last lines it printed, for error messages. */
  recentOutput(): string;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once: a crash, as fault tests need it. */
  kill(): Promise<void>;
}

const RECENT_LINES = 40;

function hasSetpriv(): boolean {
  return process.platform === 'linux' && spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status === 0;
}
const setprivAvailable = hasSetpriv();

/**
 * Starts a server whose output goes to a log file and whose life is tied to
 * ours: on Linux `setpriv --pdeathsig` makes the kernel stop it if this
 * process dies without cleaning up, even by SIGKILL.
 */
export function startManagedProcess(
  name: string,
  command: string,
  args: readonly string[],
  options: { readonly logFile: string; readonly env?: NodeJS.ProcessEnv; readonly cwd?: string },
): ManagedProcess {
  const [file, argv] = setprivAvailable ? ['setpriv', ['--pdeathsig', 'SIGTERM', '--', command, ...args]] : [command, [...args]];
  const child = spawn(file, argv, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const recent: string[] = [];
  const record = (chunk: Buffer): void => {
    // A process that outlives its stop (a pipe still draining) may print after the log was closed.
    if (!log.writableEnded) log.write(chunk);
    recent.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (recent.length > RECENT_LINES) recent.splice(0, recent.length - RECENT_LINES);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  const exited = new Promise<string>((resolve) => {
    child.on('error', (error) => {
      recent.push(String(error));
      resolve(`failed to start: ${error.message}`);
    });
    child.on('exit', (code, signal) => {
      log.end();
      resolve(signal ? `signal ${signal}` : `exit code ${code}`);
    });
  });
  let running = true;
  void exited.then(() => {
    running = false;
  });
  return {
    name,
    child,
    exited,
    recentOutput: () => recent.join('\n'),
    async stop(graceMs = 3000) {
      if (!running) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (running) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Waits for `probe` to succeed, failing early if the process exits and late after `timeoutMs`. */
export async function waitUntilReady(process: ManagedProcess, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitReason: string | null = null;
  void process.exited.then((reason) => {
    exitReason = reason;
  });
  while (Date.now() < deadline) {
    if (exitReason !== null) {
      throw new Error(`${process.name} stopped before it was ready (${exitReason}):\n${process.recentOutput()}`);
    }
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${process.name} did not answer within ${timeoutMs / 1000} s:\n${process.recentOutput()}`);
}

/** True when `command` is on the PATH. */
export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
