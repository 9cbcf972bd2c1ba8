import { describe, expect, test, vi } from 'vitest';
import type { ShellBridge } from '../../../shared/bridge.js';
import type { CallCommand, CallReport } from '../../../shared/desktop/call-report.js';
import type { ActivityNotice } from '../../../shared/desktop/call-notification.js';
import type { DeepLinkOpen } from '../../../shared/desktop/deep-link.js';
import { createCallStore, initialCallState } from '../call/call-store.js';
import type { CallControls } from './call-controls.js';
import { connectDesktopShell, createLinkPrefillStore } from './desktop-shell.js';

function setup() {
  const calls = createCallStore();
  const reports: CallReport[] = [];
  let command: (command: CallCommand) => void = () => undefined;
  let link: (link: DeepLinkOpen) => void = () => undefined;
  const notices: ActivityNotice[] = [];
  const bridge: Pick<ShellBridge, 'reportCall' | 'onCallCommand' | 'onDeepLinkJoin' | 'announceReady' | 'notifyActivity'> = {
    reportCall: async (report) => void reports.push(report),
    onCallCommand: (listener) => ((command = listener), () => undefined),
    onDeepLinkJoin: (listener) => ((link = listener), () => undefined),
    announceReady: async () => void reports.length,
    notifyActivity: async (notice) => void notices.push(notice),
  };
  const controls = {
    join: vi.fn<CallControls['join']>(async () => undefined),
    leave: vi.fn<CallControls['leave']>(async () => undefined),
    setAudioMuted: vi.fn<CallControls['setAudioMuted']>(),
    stopScreenShare: vi.fn<CallControls['stopScreenShare']>(),
  };
  const prefill = createLinkPrefillStore();
  const stop = connectDesktopShell({ bridge, calls, controls, prefill });
  const inCall = (overrides: Partial<typeof initialCallState> = {}) =>
    calls.setState({ ...initialCallState, phase: 'in-call', room: 'standup', displayName: 'Ada', ...overrides });
  return { calls, reports, notices, controls, prefill, stop, inCall, command: (c: CallCommand) => command(c), link: (l: Omit<DeepLinkOpen, 'leaveCall'> & { leaveCall?: boolean }) => link({ leaveCall: false, ...l }) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reporting the call to the desktop shell', () => {
  test('reports at once and on every change that matters, never twice the same', () => {
    const { calls, reports, inCall } = setup();
    inCall();
    calls.setState({ roster: {} });
    inCall({ audioMuted: true });
    inCall({ audioMuted: true, screenSharing: true });
    calls.setState({ ...initialCallState });
    expect(reports).toEqual([
      { inCall: false, reconnecting: false, room: null, audioMuted: false, screenSharing: false },
      { inCall: true, reconnecting: false, room: 'standup', audioMuted: false, screenSharing: false },
      { inCall: true, reconnecting: false, room: 'standup', audioMuted: true, screenSharing: false },
      { inCall: true, reconnecting: false, room: 'standup', audioMuted: true, screenSharing: true },
      { inCall: false, reconnecting: false, room: null, audioMuted: false, screenSharing: false },
    ]);
  });

  test('a call that reconnects is still reported as the call, marked reconnecting', () => {
    const { reports, inCall } = setup();
    inCall({ screenSharing: true });
    inCall({ screenSharing: true, phase: 'reconnecting' });
    inCall({ screenSharing: true });
    expect(reports.slice(1)).toEqual([
      { inCall: true, reconnecting: false, room: 'standup', audioMuted: false, screenSharing: true },
      { inCall: true, reconnecting: true, room: 'standup', audioMuted: false, screenSharing: true },
      { inCall: true, reconnecting: false, room: 'standup', audioMuted: false, screenSharing: true },
    ]);
  });

  test('a room that is only being joined is not reported as a call', () => {
    const { calls, reports } = setup();
    calls.setState({ phase: 'joining', room: 'standup' });
    expect(reports).toHaveLength(1);
  });
});

describe('tray and shortcut commands', () => {
  test('toggle, set, stop sharing and leave act on the current call', async () => {
    const { controls, inCall, command } = setup();
    inCall({ audioMuted: true, screenSharing: true });
    command({ kind: 'toggle-audio' });
    command({ kind: 'set-audio-muted', muted: true });
    command({ kind: 'set-audio-muted', muted: false });
    command({ kind: 'stop-screen-share' });
    command({ kind: 'leave-call' });
    await flush();
    expect(controls.setAudioMuted.mock.calls).toEqual([[false], [false]]);
    expect(controls.stopScreenShare).toHaveBeenCalledOnce();
    expect(controls.leave).toHaveBeenCalledOnce();
  });

  test('the tray and the global shortcut still act while the call reconnects', async () => {
    const { controls, inCall, command } = setup();
    inCall({ phase: 'reconnecting' });
    command({ kind: 'toggle-audio' });
    command({ kind: 'leave-call' });
    await flush();
    expect(controls.setAudioMuted.mock.calls).toEqual([[true]]);
    expect(controls.leave).toHaveBeenCalledOnce();
  });

  test('commands outside a call do nothing', async () => {
    const { controls, command } = setup();
    command({ kind: 'toggle-audio' });
    command({ kind: 'leave-call' });
    await flush();
    expect(controls.setAudioMuted).not.toHaveBeenCalled();
    expect(controls.leave).not.toHaveBeenCalled();
  });
});

describe('deep links in the call window', () => {
  test('with no name known yet, the lobby opens on the linked room', async () => {
    const { controls, prefill, link } = setup();
    link({ room: 'retro', server: null });
    await flush();
    expect(controls.join).not.toHaveBeenCalled();
    expect(prefill.getState().prefill).toEqual({ room: 'retro' });
  });

  test('in another room, agreed to in the desktop app’s dialog, it leaves and joins the linked one under the same name', async () => {
    const { controls, inCall, link, prefill } = setup();
    inCall();
    link({ room: 'retro', server: null, leaveCall: true });
    await flush();
    expect(prefill.getState().pending).toBeNull();
    expect(controls.leave).toHaveBeenCalledOnce();
    expect(controls.join).toHaveBeenCalledWith({ room: 'retro', displayName: 'Ada' });
  });

  test('in another room, not yet agreed to, it asks first: staying changes nothing, leaving leaves and joins', async () => {
    const { controls, inCall, link, prefill } = setup();
    inCall({ phase: 'reconnecting' });
    link({ room: 'retro', server: null });
    await flush();
    expect(prefill.getState().pending).toMatchObject({ from: 'standup', room: 'retro' });
    prefill.getState().pending?.answer(false);
    await flush();
    expect(controls.leave).not.toHaveBeenCalled();
    expect(controls.join).not.toHaveBeenCalled();
    link({ room: 'retro', server: null });
    await flush();
    prefill.getState().pending?.answer(true);
    await flush();
    expect(prefill.getState().pending).toBeNull();
    expect(controls.leave).toHaveBeenCalledOnce();
    expect(controls.join).toHaveBeenCalledWith({ room: 'retro', displayName: 'Ada' });
  });

  test('after a call ended, a link joins under the name used in it', async () => {
    const { calls, controls, inCall, link } = setup();
    inCall();
    calls.setState({ ...initialCallState });
    link({ room: 'retro', server: null });
    await flush();
    expect(controls.join).toHaveBeenCalledWith({ room: 'retro', displayName: 'Ada' });
  });

  test('a control plane’s invite in the link goes where the lobby takes the PIN: into the join, or into the prefilled lobby', async () => {
    const invite = `v1.1800000000.${'A'.repeat(43)}`;
    const first = setup();
    first.link({ room: 'retro', server: null, invite });
    await flush();
    expect(first.prefill.getState().prefill).toEqual({ room: 'retro', invite });
    const { calls, controls, inCall, link } = setup();
    inCall();
    calls.setState({ ...initialCallState });
    link({ room: 'retro', server: null, invite });
    await flush();
    expect(controls.join).toHaveBeenCalledWith({ room: 'retro', displayName: 'Ada' }, { pin: invite });
  });

  test('a link to the room we are in changes nothing', async () => {
    const { controls, inCall, link } = setup();
    inCall();
    link({ room: 'standup', server: null });
    await flush();
    expect(controls.leave).not.toHaveBeenCalled();
    expect(controls.join).not.toHaveBeenCalled();
  });
});

describe('what others do, passed on for notifications', () => {
  test('chat from others, hands and joins go to the shell; our own chat and people leaving do not', () => {
    const { calls, notices, inCall } = setup();
    const bob = { id: 'b', displayName: 'Bob', publishing: true, talking: false, audioMuted: false, videoMuted: false, audioMid: '0', screenOf: null };
    inCall({ selfId: 'me' });
    calls.setState({ roster: { b: bob } });
    const chat = [
      { id: '1', from: 'b', name: 'Bob', text: 'hi', self: false, delivery: 'sent' as const },
      { id: '2', from: 'me', name: 'Ada', text: 'hello', self: true, delivery: 'sent' as const },
    ];
    calls.setState({ roomChat: { chat, raisedHands: { b: true }, reactions: [] } });
    calls.setState({ roster: {} });
    expect(notices).toEqual([
      { kind: 'joined', name: 'Bob' },
      { kind: 'chat', name: 'Bob', text: 'hi' },
      { kind: 'hand', name: 'Bob' },
    ]);
  });
});
