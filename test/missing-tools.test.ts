import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A PATH holding only `node`: janus, unshare, ip and sh are all missing. */
function barePath(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'confer-bare-path-'));
  symlinkSync(process.execPath, path.join(directory, 'node'));
  return directory;
}

function runScript(script: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PATH: barePath() },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('on a machine without the tools', () => {
  test('the stack names the package to install and exits instead of hanging', () => {
    const { status, output } = runScript('deploy/stack/cli.ts');
    expect(status).toBe(1);
    expect(output).toContain('apt-get install janus');
  });

  test('the end-to-end suite fails loudly, saying what it needs', () => {
    const { status, output } = runScript('e2e/harness/run.ts');
    expect(status).toBe(1);
    expect(output).toContain('cannot run on this machine');
    expect(output).toMatch(/unshare -n/);
  });
});
