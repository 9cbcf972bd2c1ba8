import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openJsonStore } from './json-store.js';
import { PreferencesSchema } from './preferences.js';

let folder: string;
let file: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'confer-settings-'));
  file = path.join(folder, 'settings.json');
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const now = () => new Date('2026-11-23T10:20:30.000Z');
const defaults = PreferencesSchema.parse({});

describe('settings store', () => {
  test('a missing file starts from defaults and is written', async () => {
    const { store, outcome } = await openJsonStore(file, PreferencesSchema);
    expect(outcome).toEqual({ kind: 'created' });
    expect(store.get()).toEqual(defaults);
    expect(store.get().shortcuts.toggleMute).toBe('CommandOrControl+Shift+M');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(defaults);
  });

  test('a partial file keeps its values and fills the rest', async () => {
    await writeFile(file, JSON.stringify({ presence: { idleMinutes: 10 }, closeToTrayNoticeShown: true }));
    const { store, outcome } = await openJsonStore(file, PreferencesSchema);
    expect(outcome).toEqual({ kind: 'loaded' });
    expect(store.get().presence).toEqual({ idleMinutes: 10, status: 'available' });
    expect(store.get().closeToTrayNoticeShown).toBe(true);
    expect(store.get().miniWindow.enabled).toBe(true);
  });

  test.each([
    ['not JSON', '{"presence": {', /not JSON/],
    ['a wrong type', JSON.stringify({ presence: { idleMinutes: 'soon' } }), /presence\.idleMinutes/],
    ['a bad accelerator', JSON.stringify({ shortcuts: { toggleMute: 'Ctrl+<script>' } }), /shortcuts\.toggleMute/],
    ['not an object', '[1,2,3]', /settings/],
    ['empty', '', /not JSON/],
    ['binary garbage', '\u0000\u00ff\u00fe{\u0001', /not JSON/],
    ['null', 'null', /settings/],
  ])('a corrupt file (%s) is kept aside and replaced with defaults', async (_label, content, problem) => {
    await writeFile(file, content);
    const { store, outcome } = await openJsonStore(file, PreferencesSchema, { now });
    expect(outcome).toMatchObject({ kind: 'recovered', keptAt: path.join(folder, 'settings.corrupt-2026-11-23T10-20-30.000Z.json') });
    expect(outcome.kind === 'recovered' && outcome.problem).toMatch(problem);
    expect(store.get()).toEqual(defaults);
    expect(await readFile(path.join(folder, 'settings.corrupt-2026-11-23T10-20-30.000Z.json'), 'utf8')).toBe(content);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(defaults);
  });

  test('updates are validated, written in order and survive a reopen', async () => {
    const { store } = await openJsonStore(file, PreferencesSchema);
    await Promise.all([
      store.update((current) => ({ ...current, closeToTrayNoticeShown: true })),
      store.update((current) => ({ ...current, presence: { ...current.presence, status: 'do-not-disturb' } })),
    ]);
    expect(() => store.update((current) => ({ ...current, presence: { ...current.presence, idleMinutes: -1 } }))).toThrow();
    const reopened = await openJsonStore(file, PreferencesSchema);
    expect(reopened.outcome).toEqual({ kind: 'loaded' });
    expect(reopened.store.get()).toMatchObject({ closeToTrayNoticeShown: true, presence: { status: 'do-not-disturb', idleMinutes: 5 } });
    expect((await readdir(folder)).sort()).toEqual(['settings.json']);
  });
});
