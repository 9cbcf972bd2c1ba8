import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { createLinkInbox, runApp, type AppLifecycleOptions } from './app-lifecycle.js';

/** Electron's app: its events, the single-instance lock and readiness, driven by the test. */
function appDouble(lock: boolean, ready: Promise<void> = Promise.resolve()) {
  const emitter = new EventEmitter();
  const calls: string[] = [];
  const app = Object.assign(emitter, {
    requestSingleInstanceLock: () => lock,
    quit: () => void calls.push('quit'),
    exit: (code?: number) => void calls.push(`exit ${code}`),
    whenReady: () => ready,
  });
  return { app: app as unknown as AppLifecycleOptions['app'], emitter, calls };
}

function run(lock: boolean, ready?: Promise<void>) {
  const { app, emitter, calls } = appDouble(lock, ready);
  runApp({
    app,
    showMainWindow: () => void calls.push('show'),
    openDeepLink: (raw) => void calls.push(`link ${raw}`),
    start: async () => void calls.push('start'),
    logError: (message) => void calls.push(`log ${message}`),
  });
  return { emitter, calls };
}

describe('app lifecycle', () => {
  test('a second copy quits at once and starts nothing', async () => {
    const { emitter, calls } = run(false);
    await Promise.resolve();
    expect(calls).toEqual(['quit']);
    expect(emitter.eventNames()).toEqual([]);
  });

  test('the first copy starts once ready', async () => {
    const { calls } = run(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['start']);
  });

  test('a second launch brings the window forward and hands over its link', () => {
    const { emitter, calls } = run(true, new Promise(() => undefined));
    emitter.emit('second-instance', {}, ['/usr/bin/confer', '--flag', 'confer://join/standup']);
    emitter.emit('second-instance', {}, ['/usr/bin/confer']);
    expect(calls).toEqual(['show', 'link confer://join/standup', 'show']);
  });

  test('macOS links are taken from the system, not opened by it', () => {
    const { emitter, calls } = run(true, new Promise(() => undefined));
    let prevented = false;
    emitter.emit('open-url', { preventDefault: () => (prevented = true) }, 'confer://join/standup');
    expect(prevented).toBe(true);
    expect(calls).toEqual(['link confer://join/standup']);
  });

  test('activating shows the window, closing the last window quits', () => {
    const { emitter, calls } = run(true, new Promise(() => undefined));
    emitter.emit('activate');
    emitter.emit('window-all-closed');
    expect(calls).toEqual(['show', 'quit']);
  });

  test('a failed start-up is logged and exits with an error', async () => {
    const { calls } = run(true, Promise.reject(new Error('no display')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['log startup failed', 'exit 1']);
  });
});

describe('link inbox', () => {
  test('holds links until the dispatcher exists, then hands them over in order, and later ones straight through', () => {
    const inbox = createLinkInbox();
    inbox.open('confer://join/a');
    inbox.open('confer://join/b');
    const opened: string[] = [];
    inbox.connect((raw) => opened.push(raw));
    expect(opened).toEqual(['confer://join/a', 'confer://join/b']);
    inbox.open('confer://join/c');
    expect(opened).toEqual(['confer://join/a', 'confer://join/b', 'confer://join/c']);
  });
});
