import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

function succeeds(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/**
 * What the end-to-end suite needs from the machine, as sentences naming the
 * fix. An empty list means it can run; anything else fails the run loudly.
 */
export function missingRequirements(): string[] {
  const problems: string[] = [];
  if (process.platform !== 'linux') problems.push('It runs on Linux only (it uses network namespaces).');
  if (!succeeds('sh', ['-c', 'command -v ip'])) problems.push("iproute2's `ip` is missing: apt-get install iproute2.");
  if (!succeeds('unshare', ['-n', 'true'])) {
    problems.push('`unshare -n` failed: run the suite as root (or with CAP_SYS_ADMIN) so it can create a private network namespace.');
  }
  if (!existsSync(CHROMIUM_PATH)) problems.push(`Chromium is missing at ${CHROMIUM_PATH}: apt-get install chromium.`);
  if (!succeeds('sh', ['-c', 'command -v janus'])) problems.push('Janus is missing: apt-get install janus.');
  if (!succeeds('sh', ['-c', 'command -v janus-pp-rec'])) problems.push('janus-pp-rec is missing (recordings): apt-get install janus-tools.');
  if (!succeeds('sh', ['-c', 'command -v ffmpeg'])) problems.push('ffmpeg is missing (recordings): apt-get install ffmpeg.');
  return problems;
}
