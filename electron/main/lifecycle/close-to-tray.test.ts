import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createCloseHandler } from './close-to-tray.js';
import { createGracefulQuit, LEAVE_BEFORE_QUIT_TIMEOUT_MS } from './graceful-quit.js';

function closeEvent() {
  let prevented = false;
  return { preventDefault: () => void (prevented = true), get prevented() { return prevented; } };
}

function setup(inCall: boolean, quitting = false) {
  const calls: string[] = [];
  let shown = false;
  const handler = createCloseHandler({
    isInCall: () => inCall,
    isQuitting: () => quitting,
    hide: () => calls.push('hide'),
    noticeShown: () => shown,
    showNotice: () => {
      shown = true;
      calls.push('notice');
    },
  });
  return { handler, calls };
}

describe('close to tray', () => {
  test('closing during a call hides the window with a notice the first time only', () => {
    const { handler, calls } = setup(true);
    const first = closeEvent();
    handler(first);
    const second = closeEvent();
    handler(second);
    expect(first.prevented && second.prevented).toBe(true);
    expect(calls).toEqual(['hide', 'notice', 'hide']);
  });

  test('outside a call the window closes', () => {
    const { handler, calls } = setup(false);
    const event = closeEvent();
    handler(event);
    expect(event.prevented).toBe(false);
    expect(calls).toEqual([]);
  });

  test('while quitting the window closes even in a call', () => {
    const { handler, calls } = setup(true, true);
    const event = closeEvent();
    handler(event);
    expect(event.prevented).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('quit leaves the call cleanly', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function quitSetup(inCall: boolean) {
    const calls: string[] = [];
    let ended: () => void = () => undefined;
    const quitter = createGracefulQuit({
      isInCall: () => inCall,
      requestLeave: () => calls.push('leave'),
      whenCallEnded: () => new Promise<void>((resolve) => (ended = resolve)),
      quit: () => calls.push('quit'),
    });
    return { quitter, calls, end: () => ended() };
  }

  test('quit from the tray during a call leaves first, then quits once the call ended', async () => {
    const { quitter, calls, end } = quitSetup(true);
    quitter.quit();
    quitter.quit();
    expect(calls).toEqual(['leave']);
    end();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['leave', 'quit']);
    expect(quitter.isQuitting).toBe(true);
    // The quit that follows is let through.
    const event = closeEvent();
    quitter.onBeforeQuit(event);
    expect(event.prevented).toBe(false);
  });

  test('a call that never reports leaving does not keep the app alive', async () => {
    const { quitter, calls } = quitSetup(true);
    const event = closeEvent();
    quitter.onBeforeQuit(event);
    expect(event.prevented).toBe(true);
    await vi.advanceTimersByTimeAsync(LEAVE_BEFORE_QUIT_TIMEOUT_MS);
    expect(calls).toEqual(['leave', 'quit']);
  });

  test('outside a call quit is immediate', () => {
    const { quitter, calls } = quitSetup(false);
    quitter.quit();
    expect(calls).toEqual(['quit']);
    const event = closeEvent();
    quitter.onBeforeQuit(event);
    expect(event.prevented).toBe(false);
  });
});
