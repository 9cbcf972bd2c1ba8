import type { IpcMain } from 'electron';
import { describe, expect, test } from 'vitest';
import { IPC_INVOKE_CHANNEL } from '../../../shared/ipc/channel.js';
import { DEFAULT_CALL_PREFERENCES } from '../../../shared/desktop/call-preferences.js';
import { IpcErrorReason } from '../../../shared/ipc/result.js';
import { isAppTopFrame } from '../security/app-origin.js';
import { createIpcRouter, registerIpcRouter, type IpcHandlers, type IpcSenderEvent, type SenderFrame } from './ipc-router.js';

const runtimeConfig = { janusUrl: 'ws://127.0.0.1:8188', signalingUrls: ['ws://127.0.0.1:4444'], iceServers: [] };
const handlers: IpcHandlers = {
  getRuntimeConfig: () => runtimeConfig,
  getAppInfo: () => ({ name: 'Confer', version: '0.1.0', platform: 'linux' }),
  listCaptureSources: () => ({ sources: [] }),
  answerCapture: () => ({}),
  reportCall: () => ({}),
  updateOverlay: () => ({}),
  sendMiniWindowCommand: () => ({}),
  announceReady: () => ({}),
  notifyActivity: () => ({}),
  getCallPreferences: () => ({ preferences: DEFAULT_CALL_PREFERENCES, reset: [] }),
  saveCallPreferences: () => ({}),
};

/** A typed double of the two WebFrameMain fields the sender check reads. */
function frame(url: string, parent: unknown = null): IpcSenderEvent {
  return { senderFrame: { url, parent } as SenderFrame };
}
const appFrame = frame('app://confer/index.html');
const router = createIpcRouter(handlers, isAppTopFrame);

describe('IPC router', () => {
  test('answers a valid request from the app’s top frame with the validated value', async () => {
    await expect(router(appFrame, { channel: 'config:get-runtime', payload: {} })).resolves.toEqual({ ok: true, value: runtimeConfig });
  });

  test.each([
    ['another origin', frame('https://evil.example/index.html')],
    ['a look-alike host', frame('app://confer.evil/index.html')],
    ['file://', frame('file:///tmp/index.html')],
    ['a subframe of the app', frame('app://confer/index.html', {})],
    ['a destroyed frame', { senderFrame: null }],
  ])('rejects a sender from %s', async (_label, event) => {
    const result = await router(event, { channel: 'config:get-runtime', payload: {} });
    expect(result).toMatchObject({ ok: false, error: { reason: IpcErrorReason.foreignSender } });
  });

  test('rejects an unknown channel by name', async () => {
    const result = await router(appFrame, { channel: 'shell:open-anything', payload: {} });
    expect(result).toMatchObject({ ok: false, error: { reason: IpcErrorReason.unknownChannel } });
  });

  test.each([
    ['a payload with extra keys', { channel: 'config:get-runtime', payload: { path: '/etc/passwd' } }],
    ['a payload of the wrong type', { channel: 'app:get-info', payload: 'please' }],
    ['a missing payload', { channel: 'app:get-info' }],
    ['an envelope that is not an object', 42],
    ['an envelope with extra keys', { channel: 'app:get-info', payload: {}, sender: 'main' }],
  ])('rejects %s as an invalid request', async (_label, envelope) => {
    const result = await router(appFrame, envelope);
    expect(result).toMatchObject({ ok: false, error: { reason: IpcErrorReason.invalidRequest } });
  });

  test('validates the desktop channels’ requests before any handler runs', async () => {
    const refused = [
      { channel: 'capture:answer', payload: { requestId: '../1', choice: null } },
      { channel: 'capture:answer', payload: { requestId: 'capture-1', choice: { sourceId: 'file:///etc', shareAudio: false } } },
      { channel: 'call:report', payload: { inCall: true, reconnecting: false, room: '<script>', audioMuted: false, screenSharing: false } },
      { channel: 'overlay:update', payload: { strokes: [{ color: 'red', width: 1, points: [] }] } },
      { channel: 'mini:command', payload: { kind: 'quit' } },
    ];
    for (const envelope of refused) {
      await expect(router(appFrame, envelope)).resolves.toMatchObject({ ok: false, error: { reason: IpcErrorReason.invalidRequest } });
    }
    await expect(router(appFrame, { channel: 'mini:command', payload: { kind: 'show-window' } })).resolves.toEqual({ ok: true, value: {} });
  });

  test('turns a throwing handler into a typed failure', async () => {
    const failing = createIpcRouter(
      { ...handlers, getAppInfo: () => Promise.reject(new Error('disk on fire')) },
      isAppTopFrame,
    );
    await expect(failing(appFrame, { channel: 'app:get-info', payload: {} })).resolves.toEqual({
      ok: false,
      error: { reason: IpcErrorReason.handlerFailed, message: 'disk on fire' },
    });
  });

  test('refuses to pass on a response that breaks its schema', async () => {
    const lying = createIpcRouter(
      { ...handlers, getRuntimeConfig: () => ({ ...runtimeConfig, janusUrl: 'javascript:alert(1)' }) },
      isAppTopFrame,
    );
    const result = await lying(appFrame, { channel: 'config:get-runtime', payload: {} });
    expect(result).toMatchObject({ ok: false, error: { reason: IpcErrorReason.invalidResponse } });
  });

  test('registers exactly one Electron handler, on the invoke channel', async () => {
    const registered = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => unknown>();
    const ipcMain: Pick<IpcMain, 'handle'> = {
      handle: (channel, listener) => void registered.set(channel, listener as never),
    };
    registerIpcRouter(ipcMain, router);
    expect([...registered.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
    const reply = await registered.get(IPC_INVOKE_CHANNEL)?.(appFrame, { channel: 'app:get-info', payload: {} });
    expect(reply).toMatchObject({ ok: true, value: { name: 'Confer' } });
  });
});
