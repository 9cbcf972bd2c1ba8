import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../scripts/launch-environment.js';
import { peerCount } from './harness/board-browser.js';
import { drag, itemCount } from './harness/board-page.js';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { callPhase, decodingNames } from './harness/call-page.js';
import { hiddenControls, keyboardReach, misshapenTiles, seriousAccessibilityViolations, tileShapes } from './harness/layout-checks.js';
import { useTestStack } from './harness/test-stack.js';

/** Window sizes the layout supports: a laptop, a full-HD monitor and the smallest window kept usable. */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 960, height: 600 },
] as const;
const ASPECT_TOLERANCE = 0.05;

const testStack = useTestStack('layout');

/** The web build keeps the settings screen's choices here (renderer/src/bridge/web-preferences.ts). */
const WEB_PREFERENCES_KEY = 'confer:call-preferences';

function withPin(url: string, pin: string): string {
  const withIt = new URL(url);
  withIt.searchParams.set('pin', pin);
  return withIt.toString();
}

describe('the meeting layout in Chromium', () => {
  const room = uniqueRoom('layout');
  let alice: Participant;
  let bob: Participant;

  beforeAll(async () => {
    [alice, bob] = await Promise.all([launchParticipant('Alice', SIZES[0]), launchParticipant('Bob', SIZES[0])]);
  });
  afterAll(async () => {
    const problems = [alice, bob].flatMap((person) => person?.problems ?? []);
    await Promise.all([alice, bob].map((person) => person?.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test('the lobby fits every size without scrolling, has no serious accessibility problem and is reached by keyboard with a visible focus', async () => {
    const lobby = new URL(testStack().webUrl);
    lobby.search = new URLSearchParams({ room, name: 'Alice' }).toString();
    await alice.page.goto(lobby.toString());
    const join = alice.page.getByRole('button', { name: 'Join' });
    await join.waitFor();
    for (const size of SIZES) {
      await alice.page.setViewportSize(size);
      const box = await join.boundingBox();
      expect(box, `Join at ${size.width}x${size.height}`).not.toBeNull();
      expect(box!.y + box!.height, `Join's bottom at ${size.width}x${size.height}`).toBeLessThanOrEqual(size.height);
      expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
      expect(await alice.page.evaluate(() => window.scrollY)).toBe(0);
      expect(await hiddenControls(alice.page, 'form.lobby'), `lobby at ${size.width}x${size.height}`).toEqual([]);
    }
    await alice.page.setViewportSize(SIZES[0]);
    expect(await seriousAccessibilityViolations(alice.page)).toEqual([]);
    expect(await keyboardReach(alice.page, 'form.lobby')).toEqual({ unreached: [], noVisibleFocus: [] });
  });

  test('in a two-person call, no control is covered and every tile has its video’s shape', async () => {
    await alice.page.getByRole('button', { name: 'Join' }).click();
    await bob.page.goto(joinUrl(testStack().webUrl, room, 'Bob'));
    await expect.poll(() => decodingNames(alice.page), { timeout: 45_000, interval: 500 }).toEqual(['Bob']);
    await expect.poll(() => decodingNames(bob.page), { timeout: 45_000, interval: 500 }).toEqual(['Alice']);
    for (const layout of ['grid', 'speaker'] as const) {
      if ((await alice.page.getByTestId('stage').getAttribute('data-layout')) !== layout) await alice.page.getByTestId('toggle-layout').click();
      for (const size of SIZES) {
        await alice.page.setViewportSize(size);
        const where = `${layout} at ${size.width}x${size.height}`;
        await expect.poll(() => hiddenControls(alice.page, '[data-testid="call"]'), { timeout: 5_000 }).toEqual([]);
        await expect.poll(async () => (await tileShapes(alice.page)).length, { timeout: 10_000 }).toBe(2);
        await expect.poll(() => misshapenTiles(alice.page, ASPECT_TOLERANCE), { timeout: 10_000, message: where }).toEqual([]);
      }
    }
    await alice.page.setViewportSize(SIZES[0]);
    expect(await seriousAccessibilityViolations(alice.page)).toEqual([]);
  });

  test('in the call, Tab reaches every control, each with a visible focus', async () => {
    expect(await keyboardReach(alice.page, '[data-testid="call"]')).toEqual({ unreached: [], noVisibleFocus: [] });
  });

  test('the whiteboard on the stage takes strokes the other participant receives, at every size', async () => {
    for (const person of [alice, bob]) {
      await person.page.getByTestId('toggle-whiteboard').click();
      await person.page.getByTestId('board-canvas').waitFor({ timeout: 30_000 });
    }
    expect(await alice.page.getByTestId('toggle-whiteboard').getAttribute('aria-pressed')).toBe('true');
    // Both boards are in the call: the one each participant opened shows the other's strokes.
    for (const person of [alice, bob]) await expect.poll(() => peerCount(person.page), { timeout: 30_000 }).toBe(1);
    let strokes = await itemCount(bob.page);
    for (const size of SIZES) {
      await alice.page.setViewportSize(size);
      await expect.poll(() => hiddenControls(alice.page, '[data-testid="call"]'), { timeout: 5_000 }).toEqual([]);
      await expect.poll(() => misshapenTiles(alice.page, ASPECT_TOLERANCE), { timeout: 10_000 }).toEqual([]);
      await drag(alice.page, [
        [60, 60],
        [120, 90],
        [180, 70],
      ]);
      strokes += 1;
      await expect.poll(async () => [await itemCount(alice.page), await itemCount(bob.page)], { timeout: 20_000 }).toEqual([strokes, strokes]);
    }
    await alice.page.setViewportSize(SIZES[0]);
    expect(await seriousAccessibilityViolations(alice.page)).toEqual([]);
  });

  test('a refused join’s sentence, in English and in the longer German, leaves every lobby control in the window at every size', async () => {
    const pinned = uniqueRoom('layout-pin');
    const hostContext = await bob.browser.newContext({ viewport: SIZES[0] });
    try {
      const host = await hostContext.newPage();
      await host.goto(withPin(joinUrl(testStack().webUrl, pinned, 'Host'), 'right-pin'));
      await expect.poll(() => callPhase(host), { timeout: 30_000 }).toBe('in-call');
      for (const [language, sentence] of [['en', /^Wrong PIN: /], ['de', /^Falsche PIN: /]] as const) {
        const context = await alice.browser.newContext({ viewport: SIZES[0] });
        try {
          await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [WEB_PREFERENCES_KEY, JSON.stringify({ language })] as const);
          const page = await context.newPage();
          await page.goto(withPin(joinUrl(testStack().webUrl, pinned, 'Guest'), 'wrong-pin'));
          await expect.poll(() => page.getByTestId('lobby-error').textContent({ timeout: 1000 }).catch(() => null), { timeout: 30_000 }).toMatch(sentence);
          for (const size of SIZES) {
            await page.setViewportSize(size);
            expect(await hiddenControls(page, 'form.lobby'), `${language} lobby at ${size.width}x${size.height}`).toEqual([]);
            expect(await page.evaluate(() => window.scrollY)).toBe(0);
          }
          await page.setViewportSize(SIZES[0]);
          await page.mouse.move(2, 2);
          await page.screenshot({ path: path.join(PROJECT_ROOT, `e2e/artifacts/lobby-join-error-${language}.png`) });
        } finally {
          await context.close();
        }
      }
    } finally {
      await hostContext.close();
    }
  });

  test('the desktop screen picker, fed with sample sources in the web build, fits, works by keyboard and has no serious accessibility problem', async () => {
    const context = await alice.browser.newContext({ viewport: SIZES[0] });
    const page = await context.newPage();
    try {
      const preview = new URL(testStack().webUrl);
      preview.search = new URLSearchParams({ view: 'picker-preview' }).toString();
      await page.goto(preview.toString());
      const picker = page.getByRole('dialog', { name: 'Choose what to share' });
      await picker.waitFor();
      await expect.poll(() => page.locator('.capture-source').count(), { timeout: 10_000 }).toBe(2);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        expect(await hiddenControls(page, '.capture-picker'), `picker at ${size.width}x${size.height}`).toEqual([]);
      }
      await page.setViewportSize(SIZES[0]);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      // The grid has the focus: the arrow moves to the second screen, the sound is ticked, Enter shares it.
      await page.keyboard.press('ArrowRight');
      await page.getByRole('checkbox', { name: 'Share computer sound' }).check();
      await page.locator('#capture-grid').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('html').getAttribute('data-picker-answer'), { timeout: 5_000 }).toBe(JSON.stringify({ sourceId: 'screen:2:0', shareAudio: true }));
      expect(await picker.count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
