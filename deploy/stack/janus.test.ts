import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { janusAuthLines, prepareJanusConfig } from './janus.js';

const base = { wsPort: 18188, adminWsPort: 17188, adminSecret: 'admin-secret-1', rtpPortRange: '20000-20099', recordingsDirectory: '/tmp/confer-janus-test-recordings' };
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
});

async function runDirectory(): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'any-janus-stack-'));
  made.push(directory);
  return directory;
}

describe('Janus configured as another deployment runs it', () => {
  test('token auth and an API secret become lines of janus.jcfg; neither adds nothing', () => {
    expect(janusAuthLines({})).toBe('');
    expect(janusAuthLines({ tokenAuth: true, apiSecret: 'janusrocks' })).toBe('\ttoken_auth = true\n\tapi_secret = "janusrocks"');
  });

  test('a VideoRoom configuration is copied byte for byte; the core config asks for tokens', async () => {
    const runDir = await runDirectory();
    const stock = path.join(runDir, 'stock.jcfg');
    const text = 'general: {\n}\nroom-1234: {\n\tdescription = "Demo Room"\n\tsecret = "adminpwd"\n}\n';
    await writeFile(stock, text);
    const configDirectory = await prepareJanusConfig({ ...base, runDirectory: runDir, videoRoomConfig: stock, tokenAuth: true });
    expect(await readFile(path.join(configDirectory, 'janus.plugin.videoroom.jcfg'), 'utf8')).toBe(text);
    const core = await readFile(path.join(configDirectory, 'janus.jcfg'), 'utf8');
    expect(core).toContain('\ttoken_auth = true\n');
    expect(core).not.toMatch(/^\s*api_secret =/m);
    expect(await readFile(path.join(configDirectory, 'janus.transport.websockets.jcfg'), 'utf8')).toMatch(/ws_ip = "127\.0\.0\.1"[\s\S]*admin_ws_ip = "127\.0\.0\.1"/);
  });

  test('without one, Confer’s own VideoRoom configuration (string ids) is written, and a TextRoom one for the waiting rooms with the same ids', async () => {
    const configDirectory = await prepareJanusConfig({ ...base, runDirectory: await runDirectory() });
    expect(await readFile(path.join(configDirectory, 'janus.plugin.videoroom.jcfg'), 'utf8')).toContain('string_ids = true');
    expect(await readFile(path.join(configDirectory, 'janus.plugin.textroom.jcfg'), 'utf8')).toContain('string_ids = true');
    expect(await readFile(path.join(configDirectory, 'janus.jcfg'), 'utf8')).not.toMatch(/^\s*token_auth =/m);
  });
});
