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

const HIDDEN_KEY = 'e2eHiddenDevices';

/**
 * Before the app loads: devices whose label is in a set the test controls
 * are left out of `enumerateDevices`. Chromium's fake devices cannot be
 * unplugged; leaving one out of the list and firing `devicechange` is what
 * unplugging and plugging back in look like to the page.
 */
async function hideableDevices(page: Page): Promise<void> {
  await page.addInitScript((key: string) => {
    const hidden = new Set<string>();
    Object.defineProperty(window, key, { value: hidden });
    const native = navigator.mediaDevices.enumerateDevices.bind(navigator.mediaDevices);
    navigator.mediaDevices.enumerateDevices = async () => (await native()).filter((device) => !hidden.has(device.label));
  }, HIDDEN_KEY);
}

/** Takes the device labelled `label` out of the list (or puts it back), and tells the page its devices changed. */
function setDeviceListed(page: Page, label: string, listed: boolean): Promise<void> {
  return page.evaluate(
    ([key, label, listed]) => {
      const hidden = (window as unknown as Record<string, Set<string>>)[key as string];
      if (listed) hidden?.delete(label as string);
      else hidden?.add(label as string);
      navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    },
    [HIDDEN_KEY, label, listed] as const,
  );
}

/** The microphones the settings screen lists. */
async function listedMicrophones(page: Page): Promise<string[]> {
  await openSettings(page, 'audio');
  const labels = await page.getByTestId('select-microphone').locator('option').allTextContents();
  await closeSettings(page);
  return labels;
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
  /** The microphone Alice picks in the settings, then loses. */
  let picked = '';

  beforeAll(async () => {
    [alice, bob] = await Promise.all([launchParticipant('Alice', { width: 1280, height: 800 }), launchParticipant('Bob', { width: 1280, height: 800 })]);
    for (const each of [alice, bob]) await watchPeerConnections(each.page);
    await recordSinkIds(alice.page);
    await hideableDevices(alice.page);
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
    picked = other.label;
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

  test('the picked microphone coming back is offered, and used again only when Alice says so', async () => {
    if (!picked) throw new Error('the previous test picked no microphone');
    // Gone from the list, as when unplugged; the page must have seen it go before it comes back.
    await setDeviceListed(alice.page, picked, false);
    await expect.poll(() => listedMicrophones(alice.page), { timeout: 15_000 }).not.toContain(picked);
    await setDeviceListed(alice.page, picked, true);
    const offer = alice.page.getByTestId('device-offer');
    await expect.poll(() => offer.textContent({ timeout: 1000 }).catch(() => ''), { timeout: 15_000 }).toContain(`${picked} is back.`);
    // Offered, not taken: the call keeps the default microphone until she says so.
    expect((await publishedMicrophone(alice.page))?.label).not.toBe(picked);
    const switchBack = offer.getByRole('button', { name: 'Switch back' });
    const box = await switchBack.boundingBox();
    if (!box) throw new Error('the Switch back button is not shown');
    // Inside the 1280x800 window and not covered.
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(await alice.page.evaluate(([x, y]) => document.elementFromPoint(x as number, y as number)?.textContent, [box.x + box.width / 2, box.y + box.height / 2])).toBe('Switch back');
    await switchBack.click();
    await expect.poll(async () => (await publishedMicrophone(alice.page))?.label, { timeout: 15_000 }).toBe(picked);
    await expect.poll(() => alice.page.getByTestId('device-notice').textContent(), { timeout: 10_000 }).toBe(`${picked} is back; using it again.`);
    expect(await offer.count()).toBe(0);
  }, 120_000);
});
