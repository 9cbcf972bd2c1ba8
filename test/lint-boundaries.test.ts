import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: PROJECT_ROOT });

/** Lints a fixture as if it lived at `virtualPath`, and returns the rules that fired. */
async function firedRules(fixture: string, virtualPath: string): Promise<string[]> {
  const code = await readFile(path.join(PROJECT_ROOT, 'test/fixtures/boundaries', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.join(PROJECT_ROOT, virtualPath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the import-boundary rule', () => {
  test.each([
    ['shared-imports-electron.ts', 'shared/fixture.ts', 'no-restricted-imports'],
    ['shared-imports-renderer.ts', 'shared/fixture.ts', 'no-restricted-imports'],
    ['shared-imports-main.ts', 'shared/fixture.ts', 'no-restricted-imports'],
    ['shared-imports-react.ts', 'shared/fixture.ts', 'no-restricted-imports'],
    ['shared-imports-node.ts', 'shared/fixture.ts', 'no-restricted-imports'],
    ['shared-uses-dom.ts', 'shared/fixture.ts', 'no-restricted-globals'],
    ['renderer-imports-electron.ts', 'renderer/src/fixture.ts', 'no-restricted-imports'],
    ['electron-imports-renderer.ts', 'electron/main/fixture.ts', 'no-restricted-imports'],
    ['preload-imports-schemas.ts', 'electron/preload/index.ts', 'no-restricted-imports'],
    ['long-function.ts', 'renderer/src/fixture.ts', 'max-lines-per-function'],
    ['long-function.ts', 'electron/main/fixture.ts', 'max-lines-per-function'],
    ['long-file.ts', 'renderer/src/fixture.tsx', 'max-lines'],
    ['long-file.ts', 'electron/main/fixture.ts', 'max-lines'],
  ])('rejects %s placed at %s', async (fixture, virtualPath, rule) => {
    expect(await firedRules(fixture, virtualPath)).toContain(rule);
  });

  test('accepts shared code that imports only pure modules', async () => {
    expect(await firedRules('shared-clean.ts', 'shared/fixture.ts')).toEqual([]);
  });

  test('a test file may be long: its cases are a list, not a job', async () => {
    expect(await firedRules('long-function.ts', 'renderer/src/fixture.test.ts')).toEqual([]);
    expect(await firedRules('long-file.ts', 'electron/main/fixture.test.ts')).toEqual([]);
  });

  test('the same renderer import is fine in the main process, where it belongs', async () => {
    expect(await firedRules('renderer-imports-electron.ts', 'electron/preload/fixture.ts')).toEqual([]);
  });
});
