// The official Janus VideoRoom demo (Debian's janus-demos) as a second
// reference for join time: served from loopback as Debian installs it, and
// driven as a user would, Start, a display name, then "Join the room".
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sirv from 'sirv';
import type { IceServer } from '../../shared/config/runtime-config.js';
import { clickTimeScript, firstFrameScript } from './call-stack.js';

/** Where Debian's janus-demos puts the demos; its `javascript/` links to the libjs-* packages in /usr/share/javascript. */
export const DEMO_DIRECTORY = '/usr/share/janus/demos';
const DEMO_PAGE = 'videoroomtest.html';
const DEMO_SCRIPT = 'videoroomtest.js';
/** A join that has not decoded by then failed (the demo shows its errors in a dialog, which nobody reads here). */
const DECODE_TIMEOUT_MS = 30_000;
const INSTALL_HINT = 'install Debian\'s janus-demos, which brings the libjs-* packages it loads (`apt-get install janus-demos`, or `bash deploy/setup.sh --tests`)';

/**
 * The one line of the demo's logic changed: Confer's stack names rooms by
 * strings (`string_ids = true`), and Janus refuses a number for such a room
 * (430), but the demo turns `?room=` into a number with parseInt. Served
 * with this line replaced, it joins the very room Confer's participants are in.
 */
const ROOM_FROM_QUERY = 'myroom = parseInt(getQueryStringValue("room"));';
const STRING_ROOM_FROM_QUERY = 'myroom = getQueryStringValue("room");';

export interface DemoSettings {
  readonly janusUrl: string;
  readonly iceServers: readonly IceServer[];
  readonly apiSecret?: string | undefined;
}

export interface JanusDemoServer {
  /** The demo page, in `room`. */
  pageUrl(room: string): string;
  close(): Promise<void>;
}

/**
 * Why the demo cannot run here, as sentences; empty when it can. Every
 * script and stylesheet the page names must be a local file: the benchmark
 * runs in a namespace with only loopback, so a CDN would never answer.
 */
export async function demoProblems(directory = DEMO_DIRECTORY): Promise<string[]> {
  const page = path.join(directory, DEMO_PAGE);
  if (!existsSync(page) || !existsSync(path.join(directory, DEMO_SCRIPT))) {
    return [`The Janus VideoRoom demo is missing (${page} or its ${DEMO_SCRIPT}): ${INSTALL_HINT}.`];
  }
  const html = await readFile(page, 'utf8');
  const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
  return assets.flatMap((asset) => {
    if (/^(?:[a-z]+:)?\/\//i.test(asset)) return [`The Janus VideoRoom demo loads ${asset} from the network, which the benchmark's namespace cannot reach.`];
    if (!existsSync(path.join(directory, asset))) return [`The Janus VideoRoom demo needs ${path.join(directory, asset)}, which is missing: ${INSTALL_HINT}.`];
    return [];
  });
}

/** Debian's settings.js points at Janus's HTTP port on the page's host and defines neither token nor apisecret, which the demo reads on Start. */
function settingsScript(settings: DemoSettings): string {
  return [
    '// Served by bench/harness/janus-demo-page.ts in place of Debian\'s settings.js.',
    `var server = ${JSON.stringify(settings.janusUrl)};`,
    `var iceServers = ${JSON.stringify(settings.iceServers)};`,
    'var token = null;',
    `var apisecret = ${JSON.stringify(settings.apiSecret ?? null)};`,
    '',
  ].join('\n');
}

async function patchedDemoScript(directory: string): Promise<string> {
  const source = await readFile(path.join(directory, DEMO_SCRIPT), 'utf8');
  // Exactly once, or the demo changed under us and the patch would hide it.
  if (source.split(ROOM_FROM_QUERY).length !== 2) {
    throw new Error(`${path.join(directory, DEMO_SCRIPT)} no longer reads the room as \`${ROOM_FROM_QUERY}\`: check how this version of the demo takes a string room id.`);
  }
  return source.replace(ROOM_FROM_QUERY, STRING_ROOM_FROM_QUERY);
}

/**
 * Serves the demo folder on loopback, on a port of its own: the app's web
 * server sends the app's Content-Security-Policy, which forbids the demo's
 * inline script. Symbolic links (javascript/, fonts/) are followed on each
 * request, so only what the page asks for is read from /usr/share.
 */
export async function serveJanusDemo(settings: DemoSettings, directory = DEMO_DIRECTORY): Promise<JanusDemoServer> {
  const problems = await demoProblems(directory);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const replaced = new Map([
    ['/settings.js', settingsScript(settings)],
    [`/${DEMO_SCRIPT}`, await patchedDemoScript(directory)],
  ]);
  const files = sirv(directory, { dev: true });
  const server: Server = createServer((request, response) => {
    const body = replaced.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (body !== undefined) {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(body);
      return;
    }
    files(request, response, () => {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    pageUrl(room) {
      const url = new URL(`/${DEMO_PAGE}`, origin);
      url.search = new URLSearchParams({ room }).toString();
      return url.toString();
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Scripts, stylesheets and the fragments the page loads (navbar, footer) that failed or were not found. */
function watchMissingAssets(page: Page): string[] {
  const missing: string[] = [];
  const counted = new Set(['document', 'script', 'stylesheet', 'xhr', 'fetch']);
  page.on('requestfailed', (request) => {
    if (counted.has(request.resourceType())) missing.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && counted.has(response.request().resourceType())) missing.push(`${response.url()} (${response.status()})`);
  });
  return missing;
}

/**
 * Opens the demo in `room`, presses Start (a Janus session and the
 * publisher's handle, as the demo does before anyone can join), types a
 * name, and times the click on "Join the room" to the first decoded frame
 * of the first remote video. Resolves with the milliseconds.
 */
export async function timeDemoJoin(page: Page, pageUrl: string, displayName: string): Promise<number> {
  const missing = watchMissingAssets(page);
  await page.goto(pageUrl);
  await page.locator('#start').click();
  // The demo shows the name field once its session and handle are up.
  await page.locator('#register').waitFor({ state: 'visible' });
  if (missing.length > 0) throw new Error(`The Janus VideoRoom demo could not load ${missing.join(', ')}`);
  await page.locator('#username').fill(displayName);
  const clickedAt = (await page.evaluate(clickTimeScript('#register'))) as number;
  // The demo puts the first remote publisher's video in #videoremote1.
  const decoded = page.evaluate(firstFrameScript('#videoremote1 video')) as Promise<number>;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void page
        .locator('.bootbox-body')
        .allTextContents()
        .catch(() => [])
        .then((dialog) => reject(new Error(`The Janus VideoRoom demo decoded no remote frame within ${DECODE_TIMEOUT_MS / 1000} s${dialog.length > 0 ? `; it says: ${dialog.join(' ')}` : ''}`)));
    }, DECODE_TIMEOUT_MS);
  });
  try {
    return (await Promise.race([decoded, timedOut])) - clickedAt;
  } finally {
    clearTimeout(timer);
  }
}
