import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { decodingNames, readTiles } from './harness/call-page.js';
import { seriousAccessibilityViolations } from './harness/layout-checks.js';
import { inboundPackets, watchPeerConnections } from './harness/peer-stats.js';
import { closeSettings, openSettings, SETTINGS_SECTIONS } from './harness/settings-page.js';
import { useTestStack } from './harness/test-stack.js';

const testStack = useTestStack('settings');
const PREFERENCES_KEY = 'confer:call-preferences';

function storedPreferences(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>, PREFERENCES_KEY);
}

/** Picks another entry of a device select (or the same one again when there is only one) and waits until the call uses it. */
async function pickOtherDevice(page: Page, testId: 'select-camera' | 'select-microphone'): Promise<void> {
  const select = page.getByTestId(testId);
  const values = await select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  const current = await select.inputValue();
  const other = values.find((value) => value !== current) ?? current;
  await select.selectOption(other);
  await expect.poll(() => select.inputValue(), { timeout: 15_000 }).toBe(other);
}

describe('the settings screen in Chromium', () => {
  const room = uniqueRoom('settings');
  let alice: Participant;
  let bob: Participant;

  beforeAll(async () => {
    [alice, bob] = await Promise.all([launchParticipant('Alice', { width: 1280, height: 800 }), launchParticipant('Bob', { width: 1280, height: 800 })]);
    await watchPeerConnections(bob.page);
  });
  afterAll(async () => {
    const problems = [alice, bob].flatMap((person) => person?.problems ?? []);
    await Promise.all([alice, bob].map((person) => person?.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test('opens from the lobby, closes on Escape with the focus back on its button, every section passes axe, and the level meter and test sound work', async () => {
    const lobby = new URL(testStack().webUrl);
    lobby.search = new URLSearchParams({ room, name: 'Alice' }).toString();
    await alice.page.goto(lobby.toString());
    await alice.page.getByTestId('preview-video').waitFor({ timeout: 30_000 });
    for (const section of SETTINGS_SECTIONS) {
      await openSettings(alice.page, section);
      expect(await seriousAccessibilityViolations(alice.page), section).toEqual([]);
    }
    // The audio section's level meter moves with the (fake) microphone, and its test sound plays to the end.
    await openSettings(alice.page, 'audio');
    const dialog = alice.page.getByTestId('settings-dialog');
    await expect.poll(async () => Number(await dialog.getByTestId('mic-meter').getAttribute('aria-valuenow')), { timeout: 15_000 }).toBeGreaterThan(0);
    await dialog.getByTestId('play-test-sound').click();
    await expect.poll(() => dialog.getByTestId('test-sound').getAttribute('data-played'), { timeout: 15_000 }).toBe('true');
    // The dialog scrolls inside itself: the page under it never does.
    expect(await alice.page.evaluate(() => document.scrollingElement?.scrollHeight ?? 0)).toBeLessThanOrEqual(800);
    expect(await closeSettings(alice.page)).toBe('open-settings');
  });

  test('a setting persists across a reload, and a corrupt stored part comes back as its default with a notice', async () => {
    await openSettings(alice.page, 'video');
    await alice.page.getByTestId('mirror-preview').uncheck();
    await closeSettings(alice.page);
    await expect.poll(async () => (await storedPreferences(alice.page)).mirrorPreview).toBe(false);
    await alice.page.reload();
    await alice.page.getByTestId('preview-video').waitFor({ timeout: 30_000 });
    expect(await alice.page.getByTestId('preview-video').getAttribute('class')).not.toContain('mirrored');
    await openSettings(alice.page, 'video');
    expect(await alice.page.getByTestId('mirror-preview').isChecked()).toBe(false);
    await closeSettings(alice.page);

    await alice.page.evaluate((key) => {
      const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
      localStorage.setItem(key, JSON.stringify({ ...stored, shortcutKeys: 'garbage' }));
    }, PREFERENCES_KEY);
    await alice.page.reload();
    await expect.poll(() => alice.page.getByTestId('preferences-reset').textContent(), { timeout: 15_000 }).toContain('shortcut keys');
    // The other parts were kept.
    expect(await alice.page.getByTestId('preview-video').getAttribute('class')).not.toContain('mirrored');
    await alice.page.getByTestId('preferences-reset').getByRole('button').click();
  });

  test('an invalid server URL is refused with a sentence, and the old value is kept', async () => {
    await openSettings(alice.page, 'servers');
    const janus = alice.page.getByTestId('janus-url');
    await janus.fill('wss://sfu.example.com/janus');
    await alice.page.getByTestId('save-servers').click();
    await expect.poll(async () => (await storedPreferences(alice.page)).servers).toEqual({ janusUrl: 'wss://sfu.example.com/janus', signalingUrls: null });
    for (const refused of ['https://sfu.example.com/janus', 'not a url']) {
      await janus.fill(refused);
      await alice.page.getByTestId('save-servers').click();
      expect(await alice.page.getByTestId('servers-outcome').textContent()).toContain('must be a ws:// or wss:// address');
      expect(await alice.page.getByTestId('servers-outcome').getAttribute('role')).toBe('alert');
      expect((await storedPreferences(alice.page)).servers).toEqual({ janusUrl: 'wss://sfu.example.com/janus', signalingUrls: null });
    }
    // Emptied, the configured server is used again (the call below needs it).
    await janus.fill('');
    await alice.page.getByTestId('save-servers').click();
    await expect.poll(async () => (await storedPreferences(alice.page)).servers).toEqual({ janusUrl: null, signalingUrls: null });
    await closeSettings(alice.page);
  });

  test('in the call, settings open from the toolbar, and a new microphone, its processing and a new camera keep reaching the other participant', async () => {
    await alice.page.reload();
    await alice.page.getByRole('button', { name: 'Join' }).click();
    await bob.page.goto(joinUrl(testStack().webUrl, room, 'Bob'));
    await expect.poll(() => decodingNames(bob.page), { timeout: 45_000, interval: 500 }).toEqual(['Alice']);
    await openSettings(alice.page, 'audio');
    expect(await seriousAccessibilityViolations(alice.page)).toEqual([]);
    await pickOtherDevice(alice.page, 'select-microphone');
    const audioAfterSwitch = (await inboundPackets(bob.page, 'Alice')).audio ?? 0;
    await expect.poll(async () => (await inboundPackets(bob.page, 'Alice')).audio ?? 0, { timeout: 20_000 }).toBeGreaterThan(audioAfterSwitch + 20);
    // Processing changed on the live microphone (or by opening it again): the sound keeps going out.
    await alice.page.getByTestId('processing-noiseSuppression').uncheck();
    await expect.poll(async () => ((await storedPreferences(alice.page)).audioProcessing as Record<string, boolean> | undefined)?.noiseSuppression).toBe(false);
    const audioAfterProcessing = (await inboundPackets(bob.page, 'Alice')).audio ?? 0;
    await expect.poll(async () => (await inboundPackets(bob.page, 'Alice')).audio ?? 0, { timeout: 20_000 }).toBeGreaterThan(audioAfterProcessing + 20);
    await openSettings(alice.page, 'video');
    await pickOtherDevice(alice.page, 'select-camera');
    await alice.page.getByTestId('settings-preview').waitFor({ timeout: 15_000 });
    const framesAfterSwitch = (await readTiles(bob.page)).find((tile) => tile.name === 'Alice')?.framesDecoded ?? 0;
    await expect.poll(async () => (await readTiles(bob.page)).find((tile) => tile.name === 'Alice')?.framesDecoded ?? 0, { timeout: 20_000 }).toBeGreaterThan(framesAfterSwitch + 10);
    expect(await closeSettings(alice.page)).toBe('open-settings');
  }, 120_000);

  test('push-to-talk unmutes while its key is held, mutes on release, and never while typing', async () => {
    await openSettings(alice.page, 'keyboard');
    await alice.page.getByTestId('push-to-talk').check();
    await closeSettings(alice.page);
    const mic = alice.page.getByTestId('toggle-mic');
    if ((await mic.getAttribute('aria-pressed')) !== 'true') await mic.click();
    await expect.poll(() => mic.getAttribute('aria-pressed')).toBe('true');
    const heardMuted = async () => (await readTiles(bob.page)).find((tile) => tile.name === 'Alice')?.audioMuted;
    await expect.poll(heardMuted, { timeout: 15_000 }).toBe(true);
    await alice.page.getByTestId('room-name').click();
    await alice.page.keyboard.down('Space');
    await expect.poll(() => mic.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(heardMuted, { timeout: 15_000 }).toBe(false);
    await alice.page.keyboard.up('Space');
    await expect.poll(() => mic.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(heardMuted, { timeout: 15_000 }).toBe(true);
    // A space typed into the chat is a space, not push-to-talk.
    await alice.page.getByTestId('chat-input').focus();
    await alice.page.keyboard.down('Space');
    await alice.page.keyboard.up('Space');
    expect(await alice.page.getByTestId('chat-input').inputValue()).toBe(' ');
    expect(await mic.getAttribute('aria-pressed')).toBe('true');
  });

  test('a key another shortcut has is refused with a sentence and nothing changes; a free key takes over', async () => {
    await openSettings(alice.page, 'keyboard');
    const micKey = alice.page.getByTestId('shortcut-key-microphone');
    await micKey.fill('v');
    expect(await alice.page.getByTestId('keyboard-feedback').textContent()).toContain('already the key for Camera on or off');
    expect(await micKey.inputValue()).toBe('M');
    expect(await alice.page.getByTestId('shortcut-key-camera').inputValue()).toBe('V');
    await micKey.fill('k');
    expect(await micKey.inputValue()).toBe('K');
    await closeSettings(alice.page);
    const mic = alice.page.getByTestId('toggle-mic');
    const before = await mic.getAttribute('aria-pressed');
    await alice.page.getByTestId('room-name').click();
    await alice.page.keyboard.press('m');
    await alice.page.keyboard.press('k');
    await expect.poll(() => mic.getAttribute('aria-pressed')).not.toBe(before);
    expect(await mic.getAttribute('aria-keyshortcuts')).toBe('K');
  });

  test('the language switch changes the controls’ labels', async () => {
    await openSettings(alice.page, 'language');
    await alice.page.getByTestId('language').selectOption('de');
    expect(await alice.page.getByTestId('settings-tab-keyboard').textContent()).toBe('Tastatur');
    await closeSettings(alice.page);
    expect(await alice.page.getByTestId('toggle-mic').getAttribute('aria-label')).toBe('Mikrofon stummschalten');
    expect(await alice.page.getByTestId('leave').textContent()).toBe('Verlassen');
    expect(await alice.page.evaluate(() => document.documentElement.lang)).toBe('de');
    await openSettings(alice.page, 'language');
    await alice.page.getByTestId('language').selectOption('');
    await closeSettings(alice.page);
    expect(await alice.page.getByTestId('toggle-mic').getAttribute('aria-label')).toBe('Mute microphone');
  });
});
