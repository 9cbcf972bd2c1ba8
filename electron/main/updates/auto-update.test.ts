import type { AppUpdater } from 'electron-updater';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { planUpdates, startUpdates, UPDATE_CHECK_INTERVAL_MS } from './auto-update.js';

const base = { isPackaged: true, automatic: true, env: {}, hasBakedFeed: true };

describe('update plan', () => {
  test.each([
    ['a development run', { isPackaged: false }, { kind: 'disabled', reason: 'not a packaged build' }],
    ['updates turned off', { automatic: false }, { kind: 'disabled' }],
    ['no feed at all', { hasBakedFeed: false }, { kind: 'disabled', reason: 'this build has no update feed' }],
    ['the baked feed', {}, { kind: 'enabled', feedOverride: null }],
    ['an https override', { env: { CONFER_UPDATE_URL: 'https://updates.example.com/confer/' } }, { kind: 'enabled', feedOverride: 'https://updates.example.com/confer/' }],
    ['an http override', { env: { CONFER_UPDATE_URL: 'http://updates.example.com/' } }, { kind: 'disabled', reason: 'CONFER_UPDATE_URL must be an https:// URL' }],
    ['a garbage override', { env: { CONFER_UPDATE_URL: 'nope' } }, { kind: 'disabled', reason: 'CONFER_UPDATE_URL is not a URL' }],
  ])('%s', (_label, overrides, plan) => {
    expect(planUpdates({ ...base, ...overrides })).toMatchObject(plan);
  });
});

describe('update checks', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('sets the generic feed, checks at once and then periodically, and logs failures', async () => {
    const feeds: unknown[] = [];
    const checkForUpdatesAndNotify = vi.fn(() => Promise.reject(new Error('offline')));
    const updater = { setFeedURL: (feed: unknown) => void feeds.push(feed), checkForUpdatesAndNotify, autoDownload: false, autoInstallOnAppQuit: false };
    const logged: string[] = [];
    const stop = startUpdates(updater as unknown as AppUpdater, { kind: 'enabled', feedOverride: 'https://u.example/' }, (m) => logged.push(m));
    expect(feeds).toEqual([{ provider: 'generic', url: 'https://u.example/' }]);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(checkForUpdatesAndNotify).toHaveBeenCalledTimes(2);
    expect(logged).toEqual(['update check failed: Error: offline', 'update check failed: Error: offline']);
    stop();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(checkForUpdatesAndNotify).toHaveBeenCalledTimes(2);
  });
});
