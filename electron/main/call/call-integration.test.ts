import type { GlobalShortcut } from 'electron';
import { describe, expect, test } from 'vitest';
import type { CallCommand, CallReport } from '../../../shared/desktop/call-report.js';
import { createCallIntegration, type CallIntegrationOptions } from './call-integration.js';
import { NO_CALL } from './call-reactions.js';

const inCall = (overrides: Partial<CallReport> = {}): CallReport => ({ inCall: true, reconnecting: false, room: 'standup', audioMuted: false, screenSharing: false, ...overrides });

function setup(overrides: Partial<CallIntegrationOptions> = {}, shortcutTaken = false) {
  const shortcuts = new Map<string, () => void>();
  const globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'> = {
    register: (accelerator, press) => {
      if (shortcutTaken) return false;
      shortcuts.set(accelerator, press);
      return true;
    },
    unregister: (accelerator) => void shortcuts.delete(accelerator),
  };
  const commands: CallCommand[] = [];
  const happened: string[] = [];
  let accelerator: string | null = 'CommandOrControl+Shift+M';
  const call = createCallIntegration({
    globalShortcut,
    muteAccelerator: () => accelerator,
    sendCommand: (command) => void commands.push(command),
    trayStatus: (report) => void happened.push(`tray ${report.inCall}`),
    overlay: { open: (id) => happened.push(`overlay ${id}`), close: () => undefined },
    followReport: (report) => void happened.push(`follow ${report.room}`),
    log: (message) => void happened.push(`log ${message}`),
    ...overrides,
  });
  return { call, shortcuts, commands, happened, setAccelerator: (next: string | null) => void (accelerator = next) };
}

describe('call integration', () => {
  test('holds the mute shortcut for the length of each call, read afresh at each start', () => {
    const { call, shortcuts, commands, setAccelerator } = setup();
    expect(shortcuts.size).toBe(0);
    call.report(inCall());
    shortcuts.get('CommandOrControl+Shift+M')?.();
    expect(commands).toEqual([{ kind: 'toggle-audio' }]);
    call.report(NO_CALL);
    expect(shortcuts.size).toBe(0);
    setAccelerator('F8');
    call.report(inCall());
    expect([...shortcuts.keys()]).toEqual(['F8']);
  });

  test('a shortcut another app holds is logged and the call goes on', () => {
    const { call, happened } = setup({}, true);
    call.report(inCall());
    expect(happened).toContain('log the mute shortcut "CommandOrControl+Shift+M" is taken by another application');
    expect(call.inCall).toBe(true);
  });

  test('knows the call as last reported, and any report outside a call as no call', () => {
    const { call, happened } = setup();
    expect(call.current).toEqual(NO_CALL);
    call.report(inCall({ audioMuted: true }));
    expect(call.current).toEqual(inCall({ audioMuted: true }));
    call.report({ ...NO_CALL, room: 'standup' });
    expect(call.current).toEqual(NO_CALL);
    // The tray hears first; the windows that follow the call hear the report as it came.
    expect(happened).toEqual(['tray true', 'follow standup', 'tray false', 'follow standup']);
  });

  test('quitting can wait for the call to end, and only the end releases it', async () => {
    const { call } = setup();
    call.report(inCall());
    let ended = false;
    void call.whenEnded().then(() => (ended = true));
    call.report(inCall({ audioMuted: true }));
    await Promise.resolve();
    expect(ended).toBe(false);
    call.report(NO_CALL);
    await Promise.resolve();
    expect(ended).toBe(true);
  });

  test('a call starts as the call window reports it: the main process never mutes it (push-to-talk is the window’s own)', () => {
    const { call, commands } = setup();
    call.report(inCall());
    call.report(NO_CALL);
    call.report(inCall({ audioMuted: true }));
    expect(commands).toEqual([]);
  });

  test('a granted screen gets the overlay once the share is live', () => {
    const { call, happened } = setup();
    call.granted({ kind: 'screen', displayId: '2' });
    call.report(inCall({ screenSharing: true }));
    expect(happened).toContain('overlay 2');
  });

  test('a reconnect neither releases the mute shortcut nor lets quitting think the call ended', async () => {
    const { call, shortcuts, commands } = setup();
    call.report(inCall());
    let ended = false;
    void call.whenEnded().then(() => (ended = true));
    call.report(inCall({ reconnecting: true }));
    await Promise.resolve();
    expect(call.inCall).toBe(true);
    expect(ended).toBe(false);
    shortcuts.get('CommandOrControl+Shift+M')?.();
    expect(commands).toEqual([{ kind: 'toggle-audio' }]);
    call.report(inCall());
    expect([...shortcuts.keys()]).toEqual(['CommandOrControl+Shift+M']);
  });
});
