import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { probeJanus } from '../deploy/stack/janus.js';
import { PROJECT_ROOT } from '../scripts/launch-environment.js';

const JANUS_PORT = 18188;
const env = {
  ...process.env,
  CONFER_STACK_JANUS_PORT: String(JANUS_PORT),
  CONFER_STACK_JANUS_ADMIN_PORT: '17188',
  CONFER_STACK_SIGNALING_PORT: '14444',
  CONFER_STACK_RTP_PORTS: '31000-31099',
  CONFER_STACK_RECORDINGS_PORT: '18192',
};
const janusUrl = `ws://127.0.0.1:${JANUS_PORT}`;

function waitForOutput(child: ChildProcess, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(text)) resolve(output);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', () => reject(new Error(`exited before printing "${text}":\n${output}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('npm run stack', () => {
  test('prints its URLs once Janus answers, and Ctrl-C stops every server', async () => {
    const stack = spawn(process.execPath, ['--import', 'tsx', 'deploy/stack/cli.ts'], { cwd: PROJECT_ROOT, env });
    const output = await waitForOutput(stack, 'Press Ctrl-C');
    expect(output).toContain(janusUrl);
    expect(output).toContain('ws://127.0.0.1:14444');
    expect(await probeJanus(janusUrl)).toBe(true);

    stack.kill('SIGINT');
    expect(await exitOf(stack)).toBe(0);
    expect(await probeJanus(janusUrl)).toBe(false);
  });

  test('stops its servers when the process that started it dies', async () => {
    // A shell starts the stack and is then killed outright, as a closed terminal would be.
    const shell = spawn('sh', ['-c', 'node --import tsx deploy/stack/cli.ts & wait'], { cwd: PROJECT_ROOT, env });
    await waitForOutput(shell, 'Press Ctrl-C');
    expect(await probeJanus(janusUrl)).toBe(true);
    shell.kill('SIGKILL');
    await expect.poll(() => probeJanus(janusUrl), { timeout: 15_000, interval: 250 }).toBe(false);
  });
});
