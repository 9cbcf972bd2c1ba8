import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { decodingNames } from './harness/call-page.js';
import { recordJanusMessages, videoRoomData, type JanusMessage } from './harness/janus-messages.js';
import { receivedLevel, watchPeerConnections } from './harness/peer-stats.js';
import { useTestStack } from './harness/test-stack.js';

const testStack = useTestStack('screen-sound');

/**
 * From now on the page's screen captures come without their sound, as when
 * the user leaves the picker's "share audio" unticked (Chromium's fake
 * capture always gives a "Fake audio" track when audio is asked for).
 */
function leaveSoundUnticked(page: Page): Promise<void> {
  return page.evaluate(() => {
    const devices = navigator.mediaDevices;
    const native = devices.getDisplayMedia.bind(devices);
    devices.getDisplayMedia = async (options) => {
      const stream = await native(options);
      for (const track of stream.getAudioTracks()) {
        track.stop();
        stream.removeTrack(track);
      }
      return stream;
    };
  });
}

/** The descriptions of the audio streams Janus announced with screen feeds, as one page was told them. */
function announcedScreenSound(messages: readonly JanusMessage[]): string[] {
  const publishers = messages.flatMap((message) => {
    const data = videoRoomData(message) as { publishers?: { streams?: { type: string; description?: string }[] }[] } | null;
    return data?.publishers ?? [];
  });
  const screens = publishers.filter((publisher) => publisher.streams?.some((stream) => stream.type === 'video' && stream.description?.startsWith('screen:')));
  return screens.flatMap((publisher) => (publisher.streams ?? []).filter((stream) => stream.type === 'audio').map((stream) => stream.description ?? ''));
}

/** How many elements match `selector` in the page. */
const count = (page: Page, selector: string) => page.locator(selector).count();

describe('computer sound with a screen share, with Chromium’s fake capture', () => {
  const room = uniqueRoom('screen-sound');
  let alice: Participant;
  let bob: Participant;
  let aliceHeard: JanusMessage[] = [];

  beforeAll(async () => {
    [alice, bob] = await Promise.all([launchParticipant('Alice', { width: 1280, height: 800 }), launchParticipant('Bob', { width: 1280, height: 800 })]);
    await watchPeerConnections(alice.page);
    aliceHeard = recordJanusMessages(alice.page);
  });
  afterAll(async () => {
    const problems = [alice, bob].flatMap((person) => person?.problems ?? []);
    await Promise.all([alice, bob].map((person) => person?.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test('a share with the computer’s sound is heard by the others, and both sides say it carries sound', async () => {
    const { webUrl } = testStack();
    await alice.page.goto(joinUrl(webUrl, room, 'Alice'));
    await bob.page.goto(joinUrl(webUrl, room, 'Bob'));
    await expect.poll(() => decodingNames(alice.page), { timeout: 45_000, interval: 500 }).toEqual(['Bob']);
    await bob.page.getByTestId('toggle-screen').click();
    await expect.poll(() => decodingNames(alice.page, 'screen-tile'), { timeout: 30_000, interval: 500 }).toEqual(['Bob']);
    // The fake capture's sound arrives above silence through the screen tile's own <audio>, not the camera's.
    await expect.poll(() => receivedLevel(alice.page, 'Bob', 'screen-tile'), { timeout: 20_000, interval: 200 }).toBeGreaterThan(0.01);
    expect(await count(alice.page, '[data-testid="screen-tile"] [data-testid="screen-sound"]')).toBe(1);
    await expect.poll(() => count(bob.page, '[data-testid="local-screen-tile"] [data-testid="screen-sound"]'), { timeout: 10_000 }).toBe(1);
    expect(announcedScreenSound(aliceHeard)).toContain('screen-sound');
    await bob.page.getByTestId('toggle-screen').click();
    await expect.poll(() => alice.page.getByTestId('screen-tile').count(), { timeout: 20_000 }).toBe(0);
  });

  test('a share without it sends picture only, and nobody is told of sound', async () => {
    await leaveSoundUnticked(bob.page);
    await bob.page.getByTestId('toggle-screen').click();
    await expect.poll(() => decodingNames(alice.page, 'screen-tile'), { timeout: 30_000, interval: 500 }).toEqual(['Bob']);
    expect(await count(alice.page, '[data-testid="screen-tile"] audio')).toBe(0);
    expect(await count(alice.page, '[data-testid="screen-tile"] [data-testid="screen-sound"]')).toBe(0);
    expect(await count(bob.page, '[data-testid="local-screen-tile"]')).toBe(1);
    expect(await count(bob.page, '[data-testid="local-screen-tile"] [data-testid="screen-sound"]')).toBe(0);
    await bob.page.getByTestId('toggle-screen').click();
    await expect.poll(() => alice.page.getByTestId('screen-tile').count(), { timeout: 20_000 }).toBe(0);
  });
});
