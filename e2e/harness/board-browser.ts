import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { CHROMIUM_FLAGS } from './browser.js';
import { CHROMIUM_PATH } from './requirements.js';
import type { TestStack } from './test-stack.js';

export { drag, inkNear, itemCount } from './board-page.js';

export interface BoardParticipant {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Where this participant's profile (IndexedDB, local storage) lives: reuse it to reopen the same browser. */
  readonly profile: string;
  readonly problems: string[];
  close(): Promise<void>;
}

export async function createProfile(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'confer-board-profile-'));
}

export async function removeProfile(profile: string): Promise<void> {
  await rm(profile, { recursive: true, force: true });
}

/**
 * One participant is one Chromium process with a profile on disk, so that it
 * can be closed and started again with its IndexedDB intact. The page only
 * uses data channels, and Chromium gathers ICE candidates only for pages
 * holding a media permission: it is granted for the web build's origin.
 */
export async function launchBoardParticipant(name: string, webUrl: string, profile: string, viewport = { width: 1100, height: 700 }, extraArgs: readonly string[] = []): Promise<BoardParticipant> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
    viewport,
    acceptDownloads: true,
  });
  await context.grantPermissions(['camera', 'microphone'], { origin: new URL(webUrl).origin });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${name} page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${name} console: ${message.text()}`);
  });
  return { name, context, page, profile, problems, close: () => context.close() };
}

/**
 * Board participants for one test file. `launch` starts one on a fresh
 * profile, or on `reopen` to start the same browser with its disk. After
 * each test every browser still open is closed, its warnings are printed,
 * and every profile made here is removed.
 */
export function useBoardParticipants(testStack: () => TestStack) {
  const open: BoardParticipant[] = [];
  const profiles: string[] = [];
  afterEach(async () => {
    const problems = open.flatMap((each) => each.problems);
    await Promise.all(open.splice(0).map((each) => each.close().catch(() => undefined)));
    await Promise.all(profiles.splice(0).map(removeProfile));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });
  /** A profile that outlives its browsers within the test: for closing a participant and starting it again. */
  const profile = async (): Promise<string> => {
    const directory = await createProfile();
    profiles.push(directory);
    return directory;
  };
  return {
    async launch(name: string, reopen?: string): Promise<BoardParticipant> {
      const launched = await launchBoardParticipant(name, testStack().webUrl, reopen ?? (await profile()));
      open.push(launched);
      return launched;
    },
    profile,
    /** The test closed or killed this participant itself. */
    closed(participant: BoardParticipant): void {
      open.splice(open.indexOf(participant), 1);
    },
  };
}

export function boardUrl(webUrl: string, board: string, name: string): string {
  const url = new URL(webUrl);
  url.search = new URLSearchParams({ board, name }).toString();
  return url.toString();
}

export async function peerCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('board-sync-status').getAttribute('data-peers'));
}

/** The board as its JSON export, through the export button: identical boards give identical files. */
export async function exportBoard(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('board-export-json').click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
