import { describe, expect, test } from 'vitest';
import type { CallReport } from '../../../shared/desktop/call-report.js';
import { DEFAULT_CALL_PREFERENCES } from '../../../shared/desktop/call-preferences.js';
import { IpcErrorReason } from '../../../shared/ipc/result.js';
import { isAppTopFrame } from '../security/app-origin.js';
import { createWindowRegistry, type RegisteredWindow } from '../window/window-registry.js';
import { createIpcHandlers, type IpcHandlerParts } from './ipc-handlers.js';
import { createIpcRouter, type SenderFrame } from './ipc-router.js';

const inCall: CallReport = { inCall: true, reconnecting: false, room: 'standup', audioMuted: false, screenSharing: false };
const drawing = { strokes: [{ color: '#ff0000', width: 4, points: [[0.1, 0.2]] as [number, number][] }] };

/** Each window's top frame: every one is app://confer, so only the registry tells them apart. */
function setup() {
  const contentsIds = new Map<SenderFrame, number>();
  const frameOf = (id: number) => {
    const frame = { url: 'app://confer/index.html', parent: null } as SenderFrame;
    contentsIds.set(frame, id);
    return frame;
  };
  const frames = { main: frameOf(1), mini: frameOf(2), overlay: frameOf(3), stranger: frameOf(9) };
  const windows = createWindowRegistry<RegisteredWindow>({ contentsIdOf: (frame) => contentsIds.get(frame) });
  windows.register('main', { webContents: { id: 1 } });
  windows.register('mini', { webContents: { id: 2 } });
  windows.register('overlay', { webContents: { id: 3 } });
  const happened: unknown[] = [];
  const parts: IpcHandlerParts = {
    runtimeConfig: { janusUrl: 'ws://127.0.0.1:8188', signalingUrls: ['ws://127.0.0.1:4444'], iceServers: [] },
    appInfo: () => ({ name: 'Confer', version: '0.1.0', platform: 'linux' }),
    windows,
    capture: {
      listSources: async (frame, requestId) => {
        happened.push(['list', frame === frames.main, requestId]);
        return [];
      },
      answer: (frame, requestId, choice) => void happened.push(['answer', frame === frames.main, requestId, choice]),
    },
    call: { report: (report) => void happened.push(['report', report]), current: inCall },
    overlay: { update: (content) => void happened.push(['overlay', content]), content: drawing },
    callWindowReady: () => void happened.push(['call window ready']),
    send: (role, key, payload) => void happened.push(['send', role, key, payload]),
    showMainWindow: () => void happened.push(['show main window']),
    sendCallCommand: (command) => void happened.push(['command', command]),
    notifier: { notify: (activity) => void happened.push(['notify', activity]) },
    callPreferences: {
      get: () => ({ preferences: { ...DEFAULT_CALL_PREFERENCES, singleKeyShortcuts: false }, reset: [] }),
      save: async (preferences) => void happened.push(['save preferences', preferences]),
    },
  };
  const router = createIpcRouter(createIpcHandlers(parts), isAppTopFrame);
  const call = (frame: SenderFrame, channel: string, payload: unknown) => router({ senderFrame: frame }, { channel, payload });
  return { frames, call, happened };
}

describe('IPC handlers', () => {
  test('the call window reports the call and feeds the overlay', async () => {
    const { frames, call, happened } = setup();
    await expect(call(frames.main, 'call:report', inCall)).resolves.toEqual({ ok: true, value: {} });
    await expect(call(frames.main, 'overlay:update', drawing)).resolves.toEqual({ ok: true, value: {} });
    expect(happened).toEqual([
      ['report', inCall],
      ['overlay', drawing],
    ]);
  });

  test.each(['mini', 'overlay', 'stranger'] as const)('the %s window may neither report the call nor feed the overlay', async (window) => {
    const { frames, call, happened } = setup();
    const refused = { ok: false, error: { reason: IpcErrorReason.handlerFailed, message: 'only the call window may use this channel' } };
    await expect(call(frames[window], 'call:report', inCall)).resolves.toEqual(refused);
    await expect(call(frames[window], 'overlay:update', drawing)).resolves.toEqual(refused);
    expect(happened).toEqual([]);
  });

  test('the mini window’s buttons bring the call window back or command the call, and no other window has them', async () => {
    const { frames, call, happened } = setup();
    await call(frames.mini, 'mini:command', { kind: 'show-window' });
    await call(frames.mini, 'mini:command', { kind: 'toggle-audio' });
    await expect(call(frames.main, 'mini:command', { kind: 'leave-call' })).resolves.toMatchObject({
      ok: false,
      error: { message: 'only the mini call window may use this channel' },
    });
    expect(happened).toEqual([['show main window'], ['command', { kind: 'toggle-audio' }]]);
  });

  test('each window that announces itself gets what it missed while loading', async () => {
    const { frames, call, happened } = setup();
    for (const window of ['main', 'mini', 'overlay', 'stranger'] as const) await call(frames[window], 'window:ready', {});
    expect(happened).toEqual([['call window ready'], ['send', 'mini', 'callStatus', inCall], ['send', 'overlay', 'overlayContent', drawing]]);
  });

  test('capture calls pass the asking frame on, so the queue can check it owns the request', async () => {
    const { frames, call, happened } = setup();
    await expect(call(frames.main, 'capture:list-sources', { requestId: 'capture-1' })).resolves.toEqual({ ok: true, value: { sources: [] } });
    await call(frames.main, 'capture:answer', { requestId: 'capture-1', choice: null });
    expect(happened).toEqual([
      ['list', true, 'capture-1'],
      ['answer', true, 'capture-1', null],
    ]);
  });

  test('only the call window reports activity and reads or saves the call preferences, each checked by its schema', async () => {
    const { frames, call, happened } = setup();
    await call(frames.main, 'call:notify-activity', { kind: 'chat', name: 'Bob', text: 'hi' });
    await expect(call(frames.main, 'preferences:get-call', {})).resolves.toEqual({ ok: true, value: { preferences: { ...DEFAULT_CALL_PREFERENCES, singleKeyShortcuts: false }, reset: [] } });
    await call(frames.main, 'preferences:save-call', DEFAULT_CALL_PREFERENCES);
    await expect(call(frames.main, 'preferences:save-call', { ...DEFAULT_CALL_PREFERENCES, singleKeyShortcuts: 'no' })).resolves.toMatchObject({ ok: false, error: { reason: IpcErrorReason.invalidRequest } });
    await expect(call(frames.main, 'call:notify-activity', { kind: 'chat', name: 'Bob', text: '' })).resolves.toMatchObject({ ok: false });
    await expect(call(frames.mini, 'call:notify-activity', { kind: 'hand', name: 'Bob' })).resolves.toMatchObject({ ok: false });
    await expect(call(frames.overlay, 'preferences:save-call', DEFAULT_CALL_PREFERENCES)).resolves.toMatchObject({ ok: false });
    expect(happened).toEqual([
      ['notify', { kind: 'chat', name: 'Bob', text: 'hi' }],
      ['save preferences', DEFAULT_CALL_PREFERENCES],
    ]);
  });
});
