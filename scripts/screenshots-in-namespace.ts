// Runs inside `unshare -n` (see screenshots.ts): a four-person call on the
// real stack, photographed in the lobby, the settings, the screen picker, the
// grid, speaker view and the whiteboard, through the end-to-end harness.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { drag, itemCount } from '../e2e/harness/board-page.js';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from '../e2e/harness/browser.js';
import { decodingNames } from '../e2e/harness/call-page.js';
import { JANUS_ICE_INTERFACE, setUpNamespaceNetwork } from '../e2e/harness/namespace-network.js';
import { startTestStack } from '../e2e/harness/test-stack.js';
import { PROJECT_ROOT } from './launch-environment.js';

const OUTPUT = path.resolve(PROJECT_ROOT, process.argv[2] ?? 'docs/screenshots');
const DESKTOP = { width: 1280, height: 800 };
const WIDE = { width: 1920, height: 1080 };
const SMALL = { width: 960, height: 600 };
const NAMES = ['Ada', 'Grace', 'Linus', 'Margaret'] as const;
/** How long one wait may take on a busy two-core machine before the script gives up. */
const TIMEOUT = 120_000;

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  // The mouse rests in a corner, so no tooltip or hover shows in the picture.
  await page.mouse.move(2, 2);
  const file = path.join(OUTPUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(PROJECT_ROOT, file)}`);
}

/** The settings screen over the lobby: its audio, video, keyboard and servers sections. */
async function photographSettings(page: Page): Promise<void> {
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-dialog').waitFor({ timeout: TIMEOUT });
  await until('the microphone level in the settings', async () => Number(await page.locator('[data-testid="settings-dialog"] [data-testid="mic-meter"]').getAttribute('aria-valuenow')) > 0);
  await shoot(page, 'settings');
  await page.getByTestId('settings-tab-video').click();
  await page.getByTestId('settings-preview').waitFor({ timeout: TIMEOUT });
  await shoot(page, 'settings-video');
  await page.getByTestId('settings-tab-keyboard').click();
  await shoot(page, 'settings-keyboard');
  // A refused address, to show the sentence; it is never saved.
  await page.getByTestId('settings-tab-servers').click();
  await page.getByTestId('janus-url').fill('https://sfu.example.com/janus');
  await page.getByTestId('save-servers').click();
  await page.getByTestId('servers-outcome').filter({ hasText: 'wss://' }).waitFor({ timeout: TIMEOUT });
  await shoot(page, 'settings-servers');
  await page.keyboard.press('Escape');
  await page.getByTestId('settings-dialog').waitFor({ state: 'detached', timeout: TIMEOUT });
}

/** The desktop app's screen picker, as the web build previews it with sample sources. */
async function photographPicker(participant: Participant, webUrl: string): Promise<void> {
  const context = await participant.browser.newContext({ viewport: DESKTOP, colorScheme: 'dark' });
  try {
    const page = await context.newPage();
    const preview = new URL(webUrl);
    preview.search = new URLSearchParams({ view: 'picker-preview' }).toString();
    await page.goto(preview.toString());
    await until('the picker’s sample screens', async () => (await page.locator('.capture-source').count()) > 0);
    await shoot(page, 'picker');
  } finally {
    await context.close();
  }
}

/** A few shapes on the board, drawn with the mouse as a person would. */
async function sketch(page: Page): Promise<void> {
  await page.getByTestId('board-tool-rectangle').click();
  await drag(page, [[80, 70], [330, 220]]);
  await page.getByTestId('board-tool-ellipse').click();
  await drag(page, [[420, 90], [600, 230]]);
  await page.getByTestId('board-tool-arrow').click();
  await drag(page, [[335, 150], [415, 160]]);
  await page.getByTestId('board-tool-pen').click();
  const wave = Array.from({ length: 24 }, (_, index) => [90 + index * 20, 300 + Math.sin(index / 2) * 30] as const);
  await drag(page, wave);
}

async function main(): Promise<void> {
  setUpNamespaceNetwork();
  process.env.CONFER_STACK_ICE_INTERFACE = JANUS_ICE_INTERFACE;
  await mkdir(OUTPUT, { recursive: true });
  const running = await startTestStack('screenshots');
  const people: Participant[] = [];
  try {
    const room = uniqueRoom('design-review');
    people.push(...(await Promise.all(NAMES.map((name) => launchParticipant(name, DESKTOP)))));
    const [ada, grace] = people as [Participant, Participant, Participant, Participant];

    const lobby = new URL(running.webUrl);
    lobby.search = new URLSearchParams({ room, name: 'Ada' }).toString();
    // Themes follow the system: dark first, then light, as prefers-color-scheme says.
    await ada.page.emulateMedia({ colorScheme: 'dark' });
    await ada.page.goto(lobby.toString());
    await ada.page.getByTestId('preview-video').waitFor({ timeout: TIMEOUT });
    await shoot(ada.page, 'lobby');
    await ada.page.emulateMedia({ colorScheme: 'light' });
    await shoot(ada.page, 'lobby-light');
    await ada.page.emulateMedia({ colorScheme: 'dark' });
    await photographSettings(ada.page);
    await photographPicker(ada, running.webUrl);

    for (const person of people) await person.page.goto(joinUrl(running.webUrl, room, person.name));
    const others = NAMES.filter((name) => name !== 'Ada');
    await until('everyone decoding', async () => (await decodingNames(ada.page)).length === others.length);
    await grace.page.getByTestId('toggle-hand').click();
    await until("Grace's raised hand", async () => (await ada.page.getByTestId('hand-raised').count()) > 0);
    await shoot(ada.page, 'grid');
    await ada.page.emulateMedia({ colorScheme: 'light' });
    await shoot(ada.page, 'grid-light');
    await ada.page.emulateMedia({ colorScheme: 'dark' });

    await ada.page.getByTestId('toggle-layout').click();
    await shoot(ada.page, 'speaker');

    await ada.page.getByTestId('toggle-whiteboard').click();
    await ada.page.getByTestId('board-canvas').waitFor({ timeout: TIMEOUT });
    await sketch(ada.page);
    await until('the sketch on the board', async () => (await itemCount(ada.page)) >= 4);
    await shoot(ada.page, 'whiteboard');

    await grace.page.getByTestId('toggle-screen').click();
    await ada.page.setViewportSize(WIDE);
    await until("Grace's screen beside the board", async () => (await decodingNames(ada.page, 'screen-tile')).length === 1);
    await shoot(ada.page, 'whiteboard-share-1920');
    // The smallest window kept usable: the share goes to the strip, the board keeps the stage.
    await ada.page.setViewportSize(SMALL);
    await shoot(ada.page, 'whiteboard-960');
  } catch (error) {
    // What the first participant showed when it went wrong, to see why.
    if (people[0]) await shoot(people[0].page, 'failed').catch(() => undefined);
    throw error;
  } finally {
    await Promise.all(people.map((person) => person.close().catch(() => undefined)));
    await running.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
