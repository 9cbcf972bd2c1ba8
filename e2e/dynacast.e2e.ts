import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipants, uniqueRoom, type Participant } from './harness/browser.js';
import { decodingNames, describeCallPage, receivedWidth } from './harness/call-page.js';
import { cameraLayers, framesDecoded, watchPeerConnections } from './harness/peer-stats.js';
import { useTestStack } from './harness/test-stack.js';

/**
 * No work for pixels nobody sees, on the real stack: four people in one
 * call. Subscribers announce the layers they show over the call's data
 * channels; publishers encode only those; a page that is hidden stops
 * receiving video. Every check reads the page's own WebRTC stack.
 */
const testStack = useTestStack('dynacast');

/** The top simulcast layer's rid: Janus takes the first rid as the highest. */
const TOP = 'h';

async function framesEncodedDuring(page: Page, ms: number): Promise<number> {
  const total = async () => Object.values(await cameraLayers(page)).reduce((sum, layer) => sum + layer.framesEncoded, 0);
  const before = await total();
  await page.waitForTimeout(ms);
  return (await total()) - before;
}

async function framesDecodedDuring(page: Page, name: string, ms: number): Promise<number | null> {
  const before = await framesDecoded(page, name);
  await page.waitForTimeout(ms);
  const after = await framesDecoded(page, name);
  return before === null || after === null ? null : after - before;
}

/** What a minimised or hidden window tells the page; the tiles and the call read only this. */
function setPageHidden(page: Page, hidden: boolean): Promise<void> {
  return page.evaluate((hidden) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

describe('a call that encodes and decodes only what is shown', () => {
  const room = uniqueRoom('dynacast');
  const people: Participant[] = [];
  const byName = (name: string): Participant => people.find((person) => person.name === name)!;

  beforeAll(async () => {
    people.push(...(await launchParticipants(['Ann', 'Ben', 'Cat', 'Dan'])));
    for (const person of people) await watchPeerConnections(person.page);
    const { webUrl } = testStack();
    for (const person of people) await person.page.goto(joinUrl(webUrl, room, person.name));
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    for (const person of people) console.warn(`${person.name}: ${await describeCallPage(person.page)} layers=${JSON.stringify(await cameraLayers(person.page))}`);
  });
  afterAll(async () => {
    const problems = people.flatMap((person) => person.problems.filter((problem) => !problem.includes('a promise was created in a handler')));
    await Promise.all(people.map((person) => person.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test('in a 4-person grid nobody encodes the top layer and every tile decodes; on the stage, the speaker’s top layer comes back', async () => {
    const [ann] = people as [Participant];
    for (const person of people) await expect.poll(() => decodingNames(person.page), { timeout: 60_000, interval: 500 }).toHaveLength(3);
    for (const person of people) {
      // Both the sender's parameters and its outbound stats say the top layer is off.
      await expect.poll(async () => (await cameraLayers(person.page))[TOP], { timeout: 20_000 }).toMatchObject({ active: false, statsActive: false });
      expect(Object.values(await cameraLayers(person.page)).filter((layer) => layer.active)).toHaveLength(2);
    }
    for (const person of people) expect(await decodingNames(person.page)).toHaveLength(3);

    await ann.page.getByTestId('toggle-layout').click();
    const onStage = () => ann.page.locator('.stage-main [data-testid="tile"]').getAttribute('data-name', { timeout: 1000 }).catch(() => null);
    // Whoever Ann's stage shows (the one talking may change), that person encodes the top layer again and Ann receives it.
    await expect
      .poll(
        async () => {
          const main = await onStage();
          if (!main) return false;
          const top = (await cameraLayers(byName(main).page))[TOP];
          return Boolean(top?.active && top.statsActive) && (await receivedWidth(ann.page, main)) === 1280;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    // Back to the grid: the top layer goes off again.
    const main = (await onStage())!;
    await ann.page.getByTestId('toggle-layout').click();
    await expect.poll(async () => (await cameraLayers(byName(main).page))[TOP]?.active, { timeout: 20_000 }).toBe(false);
  });

  test('a hidden page stops decoding; a camera nobody shows sends no video, and both start again when shown', async () => {
    const [ann, ben, cat, dan] = people as [Participant, Participant, Participant, Participant];
    for (const person of [ann, ben, cat]) await setPageHidden(person.page, true);
    // Hidden pages receive no video: Ann decodes nothing more of Ben.
    await expect.poll(() => framesDecodedDuring(ann.page, 'Ben', 1500), { timeout: 20_000 }).toBe(0);
    // Only Dan shows anyone; nobody shows Dan, so he encodes nothing, while Ann (shown by Dan) goes on.
    await expect.poll(() => framesEncodedDuring(dan.page, 1500), { timeout: 20_000 }).toBe(0);
    expect(await framesEncodedDuring(ann.page, 1500)).toBeGreaterThan(0);
    expect(await framesDecodedDuring(dan.page, 'Ann', 1500)).toBeGreaterThan(0);

    await setPageHidden(ann.page, false);
    await expect.poll(() => framesEncodedDuring(dan.page, 1000), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => framesDecodedDuring(ann.page, 'Dan', 1000), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => framesDecodedDuring(ann.page, 'Ben', 1000), { timeout: 20_000 }).toBeGreaterThan(0);
    for (const person of [ben, cat]) await setPageHidden(person.page, false);
    for (const person of people) await expect.poll(() => decodingNames(person.page), { timeout: 20_000 }).toHaveLength(3);
  });
});
