import type { Page } from 'playwright-core';

/** What a participant's page shows about one remote camera or screen tile. */
export interface TileReading {
  readonly name: string;
  readonly feedId: string;
  /** From the subscriber's getStats (`inbound-rtp` framesDecoded), as the tile exposes it. */
  readonly framesDecoded: number;
  readonly statsFrameWidth: number;
  /** From the page's own <video> element. */
  readonly videoWidth: number;
  readonly videoHeight: number;
  readonly audioMuted: boolean;
  readonly videoMuted: boolean;
}

/** Reads every remote tile of a kind (`tile` for cameras, `screen-tile` for screen shares). */
export function readTiles(page: Page, testId: 'tile' | 'screen-tile' = 'tile'): Promise<TileReading[]> {
  return page.$$eval(`[data-testid="${testId}"]`, (tiles) =>
    tiles.map((tile) => {
      const video = tile.querySelector('video');
      return {
        name: tile.getAttribute('data-name') ?? '',
        feedId: tile.getAttribute('data-feed-id') ?? '',
        framesDecoded: Number(tile.getAttribute('data-frames-decoded') ?? 0),
        statsFrameWidth: Number(tile.getAttribute('data-frame-width') ?? 0),
        videoWidth: video?.videoWidth ?? 0,
        videoHeight: video?.videoHeight ?? 0,
        audioMuted: tile.getAttribute('data-audio-muted') === 'true',
        videoMuted: tile.getAttribute('data-video-muted') === 'true',
      };
    }),
  );
}

/** Names of the remote tiles that decode video: frames decoded and a frame size above zero. */
export async function decodingNames(page: Page, testId: 'tile' | 'screen-tile' = 'tile'): Promise<string[]> {
  const tiles = await readTiles(page, testId);
  return tiles
    .filter((tile) => tile.framesDecoded > 0 && tile.videoWidth > 0 && tile.videoHeight > 0)
    .map((tile) => tile.name)
    .sort();
}

/** The received frame width of one named remote tile, as the <video> element reports it. */
export async function receivedWidth(page: Page, name: string): Promise<number> {
  const tiles = await readTiles(page);
  return tiles.find((tile) => tile.name === name)?.videoWidth ?? 0;
}

export function callPhase(page: Page): Promise<string | null> {
  return page.getByTestId('call').getAttribute('data-phase', { timeout: 1000 }).catch(() => null);
}

/** A one-line account of a call page for a failed test's output: its phase, notices, tiles and annotation layers. */
export function describeCallPage(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const attributes = (element: Element, names: readonly string[]) => names.map((name) => `${name}=${element.getAttribute(`data-${name}`) ?? '-'}`).join(' ');
      const call = document.querySelector('[data-testid="call"]');
      const notices = Array.from(document.querySelectorAll('.notice')).map((notice) => notice.textContent ?? '');
      const tiles = Array.from(document.querySelectorAll('[data-testid="tile"], [data-testid="screen-tile"], [data-testid="local-screen-tile"]')).map((tile) => {
        const video = tile.querySelector('video');
        return `${tile.getAttribute('data-testid')}(${attributes(tile, ['name', 'frames-decoded'])} video=${video ? `${video.videoWidth}x${video.videoHeight}` : 'none'})`;
      });
      const layers = Array.from(document.querySelectorAll('[data-testid="annotation-layer"]')).map((layer) => `layer(${attributes(layer, ['role', 'content-rect', 'item-count', 'allowed'])})`);
      return `phase=${call?.getAttribute('data-phase') ?? 'no call'} notices=${JSON.stringify(notices)} ${[...tiles, ...layers].join(' ')}`;
    })
    .catch((error: unknown) => `unreadable: ${String(error)}`);
}

export interface LobbyJoin {
  readonly pin?: string;
  /** The moderator secret: whoever creates the room with it may mute and remove. */
  readonly secret?: string;
  /** Camera and microphone off before joining: for tests about data, where media only costs CPU. */
  readonly withoutMedia?: boolean;
  /** With `secret`: the room this join creates lets guests in only when a moderator admits them. */
  readonly waitingRoom?: boolean;
}

/** Joins `room` through the lobby form, as a user does. */
export async function joinFromLobby(page: Page, webUrl: string, room: string, name: string, options: LobbyJoin = {}): Promise<void> {
  const lobby = new URL(webUrl);
  lobby.search = new URLSearchParams({ room, name }).toString();
  await page.goto(lobby.toString());
  if (options.withoutMedia) {
    await page.getByRole('button', { name: 'Camera on' }).click();
    await page.getByRole('button', { name: 'Microphone on' }).click();
  }
  if (options.pin) await page.getByLabel(/Room PIN/).fill(options.pin);
  if (options.secret) await page.getByLabel(/Moderator secret/).fill(options.secret);
  if (options.waitingRoom) await page.getByRole('checkbox', { name: /Waiting room/ }).check();
  await page.getByRole('button', { name: 'Join' }).click();
}

/**
 * Puts the room's whiteboard on the stage (the whiteboard layout), as a
 * click on the toolbar's Whiteboard button does, and waits for its canvas.
 */
export async function showBoardOnStage(page: Page): Promise<void> {
  const toggle = page.getByTestId('toggle-whiteboard');
  await toggle.waitFor({ timeout: 30_000 });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.getByTestId('board-canvas').waitFor({ timeout: 30_000 });
}
