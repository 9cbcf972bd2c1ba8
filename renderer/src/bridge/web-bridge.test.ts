import { describe, expect, test, vi } from 'vitest';
import { createWebBridge } from './web-bridge.js';

describe('web bridge', () => {
  test('has no desktop shell: events never fire, reports are accepted and dropped', async () => {
    const bridge = createWebBridge('http://127.0.0.1:5173/');
    const listener = vi.fn();
    for (const subscribe of [bridge.onCaptureRequested, bridge.onCaptureEnded, bridge.onCallCommand, bridge.onDeepLinkJoin, bridge.onCallStatus]) {
      expect(typeof subscribe(listener)).toBe('function');
    }
    await expect(bridge.reportCall({ inCall: true, reconnecting: false, room: 'r', audioMuted: false, screenSharing: false })).resolves.toBeUndefined();
    await expect(bridge.announceReady()).resolves.toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
  });

  test('hands overlay content back to the page, which stands in for the overlay window', async () => {
    const bridge = createWebBridge('http://127.0.0.1:5173/');
    const listener = vi.fn();
    bridge.onOverlayContent(listener);
    const content = { strokes: [{ points: [[0.1, 0.2], [0.3, 0.4]] as Array<[number, number]>, color: '#ff0000', width: 3 }] };
    await bridge.updateOverlay(content);
    expect(listener).toHaveBeenLastCalledWith(content);
  });

  test('the browser chooses what to share: the in-app picker channels refuse', async () => {
    const bridge = createWebBridge('http://127.0.0.1:5173/');
    await expect(bridge.listCaptureSources('capture-1')).rejects.toThrow(/browser chooses/);
    await expect(bridge.answerCapture('capture-1', null)).rejects.toThrow(/browser chooses/);
  });
});
