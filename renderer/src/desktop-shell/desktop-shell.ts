import { createStore } from 'zustand/vanilla';
import type { ShellBridge, Unsubscribe } from '../../../shared/bridge.js';
import type { CallReport, CallCommand } from '../../../shared/desktop/call-report.js';
import type { DeepLinkOpen } from '../../../shared/desktop/deep-link.js';
import type { CallPhase, CallState } from '../call/call-store.js';
import { connectActivityNotifications } from './activity-notifications.js';
import type { CallControls } from './call-controls.js';

/** The call store as this module reads it. */
export interface ReadableCallStore {
  getState(): Pick<CallState, 'phase' | 'room' | 'displayName' | 'audioMuted' | 'screenSharing' | 'selfId' | 'roster' | 'roomChat' | 'waitingPeople'>;
  subscribe(listener: () => void): Unsubscribe;
}

/** A call that reconnects is still the user's call: the shell keeps its tray, shortcut, overlay and close-to-tray. */
export const isCallOngoing = (phase: CallPhase): boolean => phase === 'in-call' || phase === 'reconnecting';

export function callReportOf(state: ReturnType<ReadableCallStore['getState']>): CallReport {
  const inCall = isCallOngoing(state.phase);
  return {
    inCall,
    reconnecting: state.phase === 'reconnecting',
    room: inCall ? state.room : null,
    audioMuted: inCall && state.audioMuted,
    screenSharing: inCall && state.screenSharing,
  };
}

const sameReport = (a: CallReport | null, b: CallReport) =>
  a !== null && (Object.keys(b) as (keyof CallReport)[]).every((key) => a[key] === b[key]);

/** A room the lobby should offer because a link named it, and why it did not join by itself. */
export interface LinkPrefill {
  readonly room: string;
  /** The link's invite, for the lobby's PIN field. */
  readonly invite?: string | undefined;
}

/** A link that arrived during a call to another room, waiting for the user to say whether to leave for it. */
export interface PendingLink {
  readonly from: string;
  readonly room: string;
  answer(leave: boolean): void;
}

export function createLinkPrefillStore() {
  return createStore<{ readonly prefill: LinkPrefill | null; readonly pending: PendingLink | null }>()(() => ({ prefill: null, pending: null }));
}
export type LinkPrefillStore = ReturnType<typeof createLinkPrefillStore>;

export async function applyCallCommand(command: CallCommand, calls: ReadableCallStore, controls: CallControls): Promise<void> {
  const state = calls.getState();
  // Commands describe the call the user sees in the tray; with no call there is nothing to act on.
  if (!isCallOngoing(state.phase)) return;
  switch (command.kind) {
    case 'toggle-audio':
      return controls.setAudioMuted(!state.audioMuted);
    case 'set-audio-muted':
      if (state.audioMuted !== command.muted) return controls.setAudioMuted(command.muted);
      return;
    case 'stop-screen-share':
      if (state.screenSharing) return controls.stopScreenShare();
      return;
    case 'leave-call':
      return controls.leave();
  }
}

/** Asks (through the prompt the app shows) whether to leave the call for a link; resolves with the answer. */
function askToLeave(prefill: LinkPrefillStore, from: string, room: string): Promise<boolean> {
  prefill.getState().pending?.answer(false);
  return new Promise((resolve) => {
    const answer = (leave: boolean) => {
      if (prefill.getState().pending?.answer === answer) prefill.setState({ pending: null });
      resolve(leave);
    };
    prefill.setState({ pending: { from, room, answer } });
  });
}

/**
 * A link joins its room at once when we know the user's name (from the
 * call they are in or were in); otherwise the lobby opens on that room.
 * A link to the room we are already in changes nothing. During a call to
 * another room, the call is left only once the user agreed: in the desktop
 * app's own dialog (`leaveCall`), or else in the call window's prompt.
 */
export async function applyDeepLink(
  link: DeepLinkOpen,
  calls: ReadableCallStore,
  controls: CallControls,
  prefill: LinkPrefillStore,
  lastDisplayName = '',
): Promise<void> {
  const state = calls.getState();
  const inCall = isCallOngoing(state.phase);
  if (inCall && state.room === link.room) return;
  if (state.phase === 'joining') return;
  const displayName = state.displayName.trim() || lastDisplayName;
  if (!displayName) {
    prefill.setState({ prefill: { room: link.room, invite: link.invite } });
    return;
  }
  if (inCall) {
    if (!link.leaveCall && !(await askToLeave(prefill, state.room ?? '', link.room))) return;
    // The call may have ended or moved while the user answered: leave only the call that was asked about.
    const now = calls.getState();
    if (isCallOngoing(now.phase) && now.room === state.room) await controls.leave();
  }
  const request = { room: link.room, displayName };
  await (link.invite ? controls.join(request, { pin: link.invite }) : controls.join(request));
}

/**
 * Connects the call to the desktop shell: reports every change of the call
 * to the main process (tray, close-to-tray, overlay) and what others do in
 * it (notifications), and applies the commands and links that come back.
 */
export function connectDesktopShell(options: {
  readonly bridge: Pick<ShellBridge, 'reportCall' | 'onCallCommand' | 'onDeepLinkJoin' | 'announceReady' | 'notifyActivity'>;
  readonly calls: ReadableCallStore;
  readonly controls: CallControls;
  readonly prefill: LinkPrefillStore;
}): Unsubscribe {
  const { bridge, calls, controls, prefill } = options;
  let last: CallReport | null = null;
  // The store may forget the name when a call ends; a later link still joins under it.
  let lastDisplayName = '';
  const report = () => {
    const name = calls.getState().displayName.trim();
    if (name) lastDisplayName = name;
    const next = callReportOf(calls.getState());
    if (sameReport(last, next)) return;
    last = next;
    bridge.reportCall(next).catch((error: unknown) => console.warn('could not report the call to the desktop shell', error));
  };
  const fail = (what: string) => (error: unknown) => console.warn(`${what} failed`, error);
  const stops = [
    calls.subscribe(report),
    bridge.onCallCommand((command) => void applyCallCommand(command, calls, controls).catch(fail(command.kind))),
    bridge.onDeepLinkJoin((link) => void applyDeepLink(link, calls, controls, prefill, lastDisplayName).catch(fail('opening the link'))),
    connectActivityNotifications(bridge, calls),
  ];
  report();
  // Subscribed: a deep link that launched the app can be delivered now.
  bridge.announceReady().catch(fail('announcing the call window'));
  return () => stops.forEach((stop) => stop());
}
