import type { CallReport } from '../../../shared/desktop/call-report.js';
import type { PresenceWord, ShellMessages } from '../../../shared/desktop/shell-messages.js';
import { NO_CALL } from '../call/call-reactions.js';

/** What the tray icon shows, most telling first: a call outranks any chosen status; its words are the shell catalogue's `presence`. */
export type PresenceIcon = PresenceWord;
export const PRESENCE_ICONS: readonly PresenceIcon[] = ['available', 'in-call', 'presenting', 'muted', 'away', 'do-not-disturb'];

/** The statuses a user picks from the tray; "away" is never chosen, it is detected. */
export type ChosenStatus = 'available' | 'do-not-disturb';

export interface PresenceState {
  readonly call: CallReport;
  readonly chosen: ChosenStatus;
  /** No input for the idle threshold. */
  readonly idle: boolean;
  readonly locked: boolean;
}

export type PresenceInput =
  | { readonly type: 'call-reported'; readonly report: CallReport }
  | { readonly type: 'status-chosen'; readonly status: ChosenStatus }
  | { readonly type: 'user-idle' }
  | { readonly type: 'user-active' }
  | { readonly type: 'screen-locked' }
  | { readonly type: 'screen-unlocked' };

export const initialPresence: PresenceState = { call: NO_CALL, chosen: 'available', idle: false, locked: false };

export function reducePresence(state: PresenceState, input: PresenceInput): PresenceState {
  switch (input.type) {
    case 'call-reported':
      return { ...state, call: input.report.inCall ? input.report : NO_CALL };
    case 'status-chosen':
      return { ...state, chosen: input.status };
    case 'user-idle':
      return { ...state, idle: true };
    case 'user-active':
      return { ...state, idle: false };
    case 'screen-locked':
      return { ...state, locked: true };
    case 'screen-unlocked':
      // Unlocking is input: whoever unlocked is back.
      return { ...state, locked: false, idle: false };
  }
}

/** Someone idle in a call is listening, not away; do-not-disturb is a choice and outlasts idleness. */
export function presenceIcon(state: PresenceState): PresenceIcon {
  if (state.call.inCall) {
    if (state.call.screenSharing) return 'presenting';
    return state.call.audioMuted ? 'muted' : 'in-call';
  }
  if (state.chosen === 'do-not-disturb') return 'do-not-disturb';
  return state.idle || state.locked ? 'away' : 'available';
}

/** The tray tooltip: the app, the state and, in a call, the room (and that it is reconnecting), in the user's language. */
export function presenceTooltip(state: PresenceState, words: ShellMessages): string {
  const { inCall, room, reconnecting } = state.call;
  return words.tooltip({ status: words.presence[presenceIcon(state)], room: inCall ? room : null, reconnecting: inCall && reconnecting });
}

/** One tray menu entry, as data: the adapter turns it into an Electron MenuItem. */
export type TrayMenuEntry =
  | { readonly kind: 'separator' }
  | {
      readonly kind: 'action';
      readonly id: TrayAction;
      readonly label: string;
      readonly enabled: boolean;
    }
  | {
      readonly kind: 'status-menu';
      readonly label: string;
      readonly statuses: readonly { readonly status: ChosenStatus; readonly label: string; readonly checked: boolean }[];
    }
  | { readonly kind: 'toggle'; readonly id: 'mini-window'; readonly label: string; readonly checked: boolean };

export type TrayAction = 'show-window' | 'toggle-audio' | 'stop-screen-share' | 'leave-call' | 'quit';

/** The tray menu for a state. Call actions stay visible but disabled outside a call, so the menu does not jump. */
export function trayMenu(state: PresenceState, options: { readonly miniWindowEnabled: boolean; readonly words: ShellMessages }): TrayMenuEntry[] {
  const { inCall, audioMuted, screenSharing } = state.call;
  const { presence, tray } = options.words;
  return [
    { kind: 'action', id: 'show-window', label: tray.showWindow, enabled: true },
    { kind: 'separator' },
    { kind: 'action', id: 'toggle-audio', label: inCall && audioMuted ? tray.unmute : tray.mute, enabled: inCall },
    { kind: 'action', id: 'stop-screen-share', label: tray.stopSharing, enabled: inCall && screenSharing },
    { kind: 'action', id: 'leave-call', label: tray.leaveCall, enabled: inCall },
    { kind: 'separator' },
    {
      kind: 'status-menu',
      label: tray.setStatus(presence[presenceIcon({ ...state, call: NO_CALL })]),
      statuses: [
        { status: 'available', label: presence.available, checked: state.chosen === 'available' },
        { status: 'do-not-disturb', label: presence['do-not-disturb'], checked: state.chosen === 'do-not-disturb' },
      ],
    },
    { kind: 'separator' },
    { kind: 'toggle', id: 'mini-window', label: tray.miniWindow, checked: options.miniWindowEnabled },
    { kind: 'separator' },
    { kind: 'action', id: 'quit', label: tray.quit, enabled: true },
  ];
}
