import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { decodingNames } from './harness/call-page.js';
import { inboundPackets, receivedLevel, watchPeerConnections } from './harness/peer-stats.js';
import { closeSettings, openSettings } from './harness/settings-page.js';
import { useTestStack } from './harness/test-stack.js';

const testStack = useTestStack('devices');
const SINKS_KEY = 'e2eSinkIds';

/** Before the app loads: every setSinkId call, by element, so a test sees where each <audio> was sent. */
async function recordSinkIds(page: Page): Promise<void> {
  await page.addInitScript((key: string) => {
    const sinks = new Map<HTMLMediaElement, string>();
    Object.defineProperty(window, key, { value: sinks });
    const native = HTMLMediaElement.prototype.setSinkId;
    HTMLMediaElement.prototype.setSinkId = function (this: HTMLMediaElement, sinkId: string) {
      sinks.set(this, sinkId);
      return native.call(this, sinkId);
    };
  }, SINKS_KEY);
}

/** The sink each <audio> element in the page was last sent to ('' for one never sent anywhere). */
function audioSinks(page: Page): Promise<string[]> {
  return page.evaluate((key) => {
    const sinks = (window as unknown as Record<string, Map<HTMLMediaElement, string>>)[key];
    return Array.from(document.querySelectorAll('audio')).map((element) => sinks?.get(element) ?? '');
  }, SINKS_KEY);
}

/**
 * The live microphone track Alice publishes now: its id and its device's label. With `unplug`, that track is
 * then ended as unplugging does (a stopped track fires no `ended` of its own).
 */
function publishedMicrophone(page: Page, { unplug = false } = {}): Promise<{ readonly id: string; readonly label: string } | null> {
  return page.evaluate((unplug) => {
    const peers = (window as unknown as Record<string, RTCPeerConnection[]>)['e2ePeerConnections'] ?? [];
    for (const pc of peers) {
      const track = pc.getSenders().find((sender) => sender.track?.kind === 'audio' && sender.track.readyState === 'live')?.track;
      if (!track) continue;
      if (unplug) {
        track.stop();
        track.dispatchEvent(new Event('ended'));
      }
      return { id: track.id, label: track.label };
    }
    return null;
  }, unplug);
}

describe('devices in a call, with Chromium’s fake devices', () => {
  const room = uniqueRoom('devices');
  let alice: Participant;
  let bob: Participant;

  beforeAll(async () => {
    [alice, bob] = await Promise.all([launchParticipant('Alice', { width: 1280, height: 800 }), launchParticipant('Bob', { width: 1280, height: 800 })]);
    for (const each of [alice, bob]) await watchPeerConnections(each.page);
    await recordSinkIds(alice.page);
  });
  afterAll(async () => {
    const problems = [alice, bob].flatMap((person) => person?.problems ?? []);
    await Promise.all([alice, bob].map((person) => person?.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test('choosing a speaker sends every audio element to it', async () => {
    await alice.page.goto(joinUrl(testStack().webUrl, room, 'Alice'));
    await bob.page.goto(joinUrl(testStack().webUrl, room, 'Bob'));
    await expect.poll(() => decodingNames(bob.page), { timeout: 45_000, interval: 500 }).toEqual(['Alice']);
    await expect.poll(() => decodingNames(alice.page), { timeout: 45_000, interval: 500 }).toEqual(['Bob']);
    await openSettings(alice.page, 'audio');
    const speaker = alice.page.getByTestId('select-speaker');
    const options = await speaker.locator('option').evaluateAll((all) => all.map((option) => (option as HTMLOptionElement).value));
    const chosen = options.find((value) => value !== '' && value !== 'default');
    if (!chosen) throw new Error(`no speaker to choose besides the default: ${options.join(', ')}`);
    await speaker.selectOption(chosen);
    await closeSettings(alice.page);
    expect((await audioSinks(alice.page)).length).toBeGreaterThan(0);
    await expect.poll(() => audioSinks(alice.page), { timeout: 10_000 }).toEqual((await audioSinks(alice.page)).map(() => chosen));
  }, 120_000);

  test('the microphone in use going away switches to the default one: the other side still hears Alice, and she is told', async () => {
    await openSettings(alice.page, 'audio');
    const microphone = alice.page.getByTestId('select-microphone');
    const options = await microphone.locator('option').evaluateAll((all) => all.map((option) => ({ value: (option as HTMLOptionElement).value, label: option.textContent ?? '' })));
    const other = options.find((option) => option.value !== '' && option.value !== 'default');
    if (!other) throw new Error('no microphone besides the default');
    await microphone.selectOption(other.value);
    await closeSettings(alice.page);

    // The chosen microphone is the one on the wire before it goes away.
    await expect.poll(async () => (await publishedMicrophone(alice.page))?.label, { timeout: 15_000 }).toBe(other.label);
    const unplugged = (await publishedMicrophone(alice.page, { unplug: true }))?.id ?? null;
    expect(unplugged).not.toBeNull();
    await expect.poll(() => alice.page.getByTestId('device-notice').textContent(), { timeout: 15_000 }).toMatch(new RegExp(`${other.label}.*disconnected`));
    await expect.poll(async () => (await publishedMicrophone(alice.page))?.id, { timeout: 15_000 }).not.toBe(unplugged);
    expect(await publishedMicrophone(alice.page)).not.toBeNull();
    const before = (await inboundPackets(bob.page, 'Alice')).audio ?? 0;
    await expect.poll(async () => (await inboundPackets(bob.page, 'Alice')).audio ?? 0, { timeout: 20_000 }).toBeGreaterThan(before + 25);
    // Chromium's fake microphone beeps: a level above silence is its sound arriving.
    await expect.poll(() => receivedLevel(bob.page, 'Alice'), { timeout: 20_000, interval: 200 }).toBeGreaterThan(0.01);
  }, 120_000);
});
