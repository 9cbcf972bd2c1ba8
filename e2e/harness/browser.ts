import { chromium, type Browser, type Page } from 'playwright-core';
import { fakeVoiceFile } from './fake-voice.js';
import { CHROMIUM_PATH } from './requirements.js';

/** Flags proven on these machines (see the README's testing section). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--allow-loopback-in-peer-connection',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export interface Participant {
  readonly name: string;
  readonly browser: Browser;
  readonly page: Page;
  /** Console errors and warnings and page crashes, shown when a test fails. */
  readonly problems: string[];
  close(): Promise<void>;
}

export interface ParticipantOptions {
  /** The microphone plays a steady tone Janus counts as talking, instead of Chromium's short beeps. */
  readonly voice?: boolean;
}

/** Console errors and page crashes of `page`, collected under `name` for a failed test's output. */
function watchProblems(name: string, page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${name} page error: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${name} console: ${message.text()}`);
  });
  return problems;
}

async function launchChromium(options: ParticipantOptions): Promise<Browser> {
  const voice = options.voice ? [`--use-file-for-fake-audio-capture=${await fakeVoiceFile()}`] : [];
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...voice] });
}

/**
 * One participant in a Chromium process of its own: what calls whose CPU
 * or media per process is measured need.
 */
export async function launchParticipant(name: string, viewport = { width: 1280, height: 720 }, options: ParticipantOptions = {}): Promise<Participant> {
  const browser = await launchChromium(options);
  const page = await (await browser.newContext({ viewport })).newPage();
  return { name, browser, page, problems: watchProblems(name, page), close: () => browser.close() };
}

/**
 * Several participants in one Chromium, each in a browser context of its
 * own: its own renderer process, storage, WebRTC stack and devices, and no
 * BroadcastChannel shared with the others (which y-webrtc would use instead
 * of WebRTC). One browser process, GPU process and audio service for all of
 * them instead of one each: on two cores, what lets eight people join. The
 * browser closes with the last of them.
 */
export async function launchParticipants(names: readonly string[], viewport = { width: 1280, height: 720 }, options: ParticipantOptions = {}): Promise<Participant[]> {
  const browser = await launchChromium(options);
  let open = names.length;
  return Promise.all(
    names.map(async (name) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await context.close();
        open -= 1;
        if (open === 0) await browser.close();
      };
      return { name, browser, page, problems: watchProblems(name, page), close };
    }),
  );
}

export function joinUrl(webUrl: string, room: string, name: string): string {
  const url = new URL(webUrl);
  url.search = new URLSearchParams({ room, name, join: '1' }).toString();
  return url.toString();
}

/** A room name no other test uses, so tests never see each other's participants. */
export function uniqueRoom(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
