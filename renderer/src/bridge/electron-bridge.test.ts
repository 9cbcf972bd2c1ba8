import { describe, expect, test, vi } from 'vitest';
import type { PreloadBridge } from '../../../shared/bridge.js';
import type { CallCommand } from '../../../shared/desktop/call-report.js';
import { IpcErrorReason } from '../../../shared/ipc/result.js';
import { createElectronBridge } from './electron-bridge.js';

function preloadWith(overrides: Partial<Record<keyof PreloadBridge, unknown>>): { preload: PreloadBridge; emit: (payload: unknown) => void } {
  let listener: (payload: unknown) => void = () => undefined;
  const preload = {
    onCallCommand: (l: (payload: unknown) => void) => ((listener = l), () => undefined),
    ...overrides,
  } as unknown as PreloadBridge;
  return { preload, emit: (payload) => listener(payload) };
}

describe('Electron bridge', () => {
  test('delivers events that pass their schema and drops the others', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { preload, emit } = preloadWith({});
    const received: CallCommand[] = [];
    createElectronBridge(preload).onCallCommand((command) => received.push(command));
    emit({ kind: 'toggle-audio' });
    emit({ kind: 'format-disk' });
    emit('leave-call');
    expect(received).toEqual([{ kind: 'toggle-audio' }]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  test('checks capture sources again on arrival', async () => {
    const { preload } = preloadWith({
      listCaptureSources: async () => ({
        ok: true,
        value: { sources: [{ id: 'screen:1:0', kind: 'screen', name: 'S', thumbnail: 'https://evil.example/x.png', appIcon: null, displayId: '1' }] },
      }),
    });
    await expect(createElectronBridge(preload).listCaptureSources('capture-1')).rejects.toMatchObject({ reason: IpcErrorReason.invalidResponse });
  });

  test('turns a failed result into an IpcError with its reason', async () => {
    const { preload } = preloadWith({
      answerCapture: async () => ({ ok: false, error: { reason: IpcErrorReason.handlerFailed, message: 'only the window that asked' } }),
    });
    await expect(createElectronBridge(preload).answerCapture('capture-1', null)).rejects.toMatchObject({
      reason: IpcErrorReason.handlerFailed,
      message: 'only the window that asked',
    });
  });
});
