import { describe, expect, test, vi } from 'vitest';
import { createWebHost } from './web-host.js';

describe('web host', () => {
  test('has no desktop shell: events never fire, reports are accepted and dropped', async () => {
    const host = createWebHost('http://127.0.0.1:5173/');
    const listener = vi.fn();
    for (const subscribe of [host.onCaptureRequested, host.onCaptureEnded, host.onCallCommand, host.onDeepLinkJoin, host.onCallStatus]) {
      expect(typeof subscribe(listener)).toBe('function');
    }
    await expect(host.reportCall({ inCall: true, room: 'r', audioMuted: false, screenSharing: false })).resolves.toBeUndefined();
    await expect(host.announceReady()).resolves.toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
  });

  test('hands overlay content back to the page, which stands in for the overlay window', async () => {
    const host = createWebHost('http://127.0.0.1:5173/');
    const listener = vi.fn();
    host.onOverlayContent(listener);
    const content = { strokes: [{ points: [[0.1, 0.2], [0.3, 0.4]] as Array<[number, number]>, color: '#ff0000', width: 3 }] };
    await host.updateOverlay(content);
    expect(listener).toHaveBeenLastCalledWith(content);
  });

  test('the browser chooses what to share: the in-app picker channels refuse', async () => {
    const host = createWebHost('http://127.0.0.1:5173/');
    await expect(host.listCaptureSources('capture-1')).rejects.toThrow(/browser chooses/);
    await expect(host.answerCapture('capture-1', null)).rejects.toThrow(/browser chooses/);
  });
});
