import { afterEach, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { showBoardOnStage } from './harness/call-page.js';
import { useTestStack } from './harness/test-stack.js';

describe('keyboard shortcuts in a call with its board', () => {
  const testStack = useTestStack('shortcuts');
  const participants: Participant[] = [];
  afterEach(async () => {
    await Promise.all(participants.splice(0).map((participant) => participant.close()));
  });

  test('keys go to the call until the board is clicked, then to the board until the call is clicked', async () => {
    const alice = await launchParticipant('Alice');
    participants.push(alice);
    const { page } = alice;
    await page.goto(joinUrl(testStack().webUrl, uniqueRoom('shortcuts'), 'Alice'));
    const camera = page.getByTestId('toggle-camera');
    const rectangle = page.getByTestId('board-tool-rectangle');
    const canvas = page.getByTestId('board-canvas');
    // The board is one click away, on the stage: W would do the same.
    await showBoardOnStage(page);
    await expect.poll(() => camera.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('false');

    // V is the call's camera key and the board's select key: with the board untouched, the call has it.
    await page.keyboard.press('v');
    await expect.poll(() => camera.getAttribute('aria-pressed')).toBe('true');

    await canvas.click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('r');
    await expect.poll(() => rectangle.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('v');
    await expect.poll(() => page.getByTestId('board-tool-select').getAttribute('aria-pressed')).toBe('true');
    expect(await camera.getAttribute('aria-pressed')).toBe('true');

    // A click on the call's own area hands the keys back.
    await page.getByTestId('room-name').click();
    await page.keyboard.press('v');
    await expect.poll(() => camera.getAttribute('aria-pressed')).toBe('false');

    // W and L, the layout keys, also belong to the call: W takes the board off the stage, L changes the layout.
    await page.keyboard.press('w');
    await expect.poll(() => page.getByTestId('stage').getAttribute('data-layout')).toBe('grid');
    expect(await canvas.count()).toBe(0);
    await page.keyboard.press('l');
    await expect.poll(() => page.getByTestId('stage').getAttribute('data-layout')).toBe('speaker');
  });
});
