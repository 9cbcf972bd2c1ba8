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
  /** Console errors and page crashes, shown when a test fails. */
  readonly problems: string[];
  close(): Promise<void>;
}

export interface ParticipantOptions {
  /** The microphone plays a steady tone Janus counts as talking, instead of Chromium's short beeps. */
  readonly voice?: boolean;
}

/**
 * One participant is one Chromium process: tabs of one browser would share
 * BroadcastChannel, which y-webrtc would use instead of WebRTC.
 */
export async function launchParticipant(name: string, viewport = { width: 1280, height: 720 }, options: ParticipantOptions = {}): Promise<Participant> {
  const voice = options.voice ? [`--use-file-for-fake-audio-capture=${await fakeVoiceFile()}`] : [];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...voice] });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${name} page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${name} console: ${message.text()}`);
  });
  return { name, browser, page, problems, close: () => browser.close() };
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
