import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { RuntimeConfig } from '../../shared/config/runtime-config.js';
import type { StockItem, StockPeerSettings, StockPeerWindow } from '../fixtures/stock-board-peer.js';
import { CHROMIUM_FLAGS } from './browser.js';
import { CHROMIUM_PATH } from './requirements.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/stock-board-peer.ts', import.meta.url));
/** What the bundle may hold besides the fixture: npm's yjs and y-webrtc, and what they depend on. */
const ALLOWED_PACKAGES = ['yjs', 'y-webrtc', 'lib0', 'y-protocols', 'simple-peer'];

/** The package a bundled module comes from, or null for the fixture itself and the bundler's helpers. */
function packageOf(moduleId: string): string | null {
  if (moduleId === FIXTURE || moduleId.startsWith('\0')) return null;
  const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(moduleId);
  return match?.[1] ?? moduleId;
}

/** The fixture as one script for a plain page; fails if anything but yjs, y-webrtc and their dependencies went in. */
async function bundleFixture(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    envDir: false,
    build: { write: false, minify: false, lib: { entry: FIXTURE, formats: ['iife'], name: 'stockBoardPeer', fileName: () => 'stock-board-peer.js' } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((output) => ('output' in output ? output.output : [])).filter((item) => item.type === 'chunk');
  const [chunk] = chunks;
  if (!chunk || chunks.length !== 1) throw new Error(`the stock peer should bundle into one script, not ${chunks.length}`);
  const foreign = [...new Set(chunk.moduleIds.map(packageOf))].filter((name): name is string => name !== null && !ALLOWED_PACKAGES.includes(name));
  if (foreign.length > 0) throw new Error(`the stock peer bundled more than yjs and y-webrtc: ${foreign.join(', ')}`);
  return chunk.code;
}

const PAGE = '<!doctype html><meta charset="utf-8"><title>stock y-webrtc board peer</title><script src="/stock-board-peer.js"></script>';

/** Serves the page and its script on loopback, the origin Confer's own pages use. */
function servePage(script: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url === '/stock-board-peer.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(script);
    } else if (request.url === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(PAGE);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('no port'));
      resolve({ url: `http://127.0.0.1:${address.port}/`, server });
    });
  });
}

/**
 * What a stock peer needs to join a Confer board, read from the
 * configuration the served web build hands its own pages (`/config.json`),
 * so that both use the same signaling and ICE servers.
 */
export async function stockPeerSettings(webUrl: string, board: string): Promise<StockPeerSettings> {
  const response = await fetch(new URL('config.json', webUrl));
  const config = (await response.json()) as RuntimeConfig;
  return {
    // The README's board room: `confer-board:<room>`.
    room: `confer-board:${board}`,
    signalingUrls: config.signalingUrls,
    iceServers: config.iceServers,
  };
}

export interface StockParticipant {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  items(): Promise<StockItem[]>;
  addStroke(id: string, points: ReadonlyArray<readonly [number, number]>): Promise<string>;
  connectedPeers(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Stock y-webrtc peers for one test file: the fixture is bundled once, each
 * peer is its own Chromium process (tabs of one browser would share
 * BroadcastChannel), and every peer still open is closed after each test.
 * `prepare` runs on the browser context before the page loads (an init script).
 */
export function useStockBoardPeers() {
  let served: { url: string; server: Server } | null = null;
  const open: StockParticipant[] = [];
  beforeAll(async () => {
    served = await servePage(await bundleFixture());
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((peer) => peer.close().catch(() => undefined)));
  });
  afterAll(async () => {
    const server = served?.server;
    served = null;
    if (server) await new Promise((done) => server.close(() => done(undefined)));
  });
  return {
    async launch(name: string, settings: StockPeerSettings, prepare?: (context: BrowserContext) => Promise<void>): Promise<StockParticipant> {
      if (!served) throw new Error('stock peers are only available inside tests');
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
      const context = await browser.newContext();
      // Chromium gathers ICE candidates only for a page holding a media permission.
      await context.grantPermissions(['camera', 'microphone'], { origin: new URL(served.url).origin });
      await prepare?.(context);
      const page = await context.newPage();
      await page.goto(served.url);
      await page.evaluate((given) => (window as unknown as StockPeerWindow).startStockBoardPeer(given), settings);
      const participant: StockParticipant = {
        name,
        context,
        page,
        items: () => page.evaluate(() => (window as unknown as StockPeerWindow).stockBoardPeer?.items() ?? []),
        addStroke: (id, points) =>
          page.evaluate(
            ({ id: strokeId, points: strokePoints }) => {
              const stock = (window as unknown as StockPeerWindow).stockBoardPeer;
              if (!stock) throw new Error('the stock peer has not started');
              return stock.addStroke(strokeId, strokePoints);
            },
            { id, points },
          ),
        connectedPeers: () => page.evaluate(() => (window as unknown as StockPeerWindow).stockBoardPeer?.connectedPeers() ?? 0),
        close: () => browser.close(),
      };
      open.push(participant);
      return participant;
    },
  };
}
