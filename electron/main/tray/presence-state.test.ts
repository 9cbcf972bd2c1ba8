import { describe, expect, test } from 'vitest';
import { SHELL_MESSAGES } from '../../../shared/desktop/shell-messages.js';
import type { CallReport } from '../../../shared/desktop/call-report.js';
import {
  initialPresence,
  presenceIcon,
  presenceTooltip,
  reducePresence,
  trayMenu,
  type PresenceInput,
  type PresenceState,
} from './presence-state.js';

const call = (report: Partial<CallReport> = {}): PresenceInput => ({
  type: 'call-reported',
  report: { inCall: true, reconnecting: false, room: 'standup', audioMuted: false, screenSharing: false, ...report },
});
const run = (...inputs: PresenceInput[]): PresenceState => inputs.reduce(reducePresence, initialPresence);

describe('tray presence state machine', () => {
  test('starts available with a plain tooltip', () => {
    expect(presenceIcon(initialPresence)).toBe('available');
    expect(presenceTooltip(initialPresence, SHELL_MESSAGES.en)).toBe('Confer: Available');
  });

  test.each<[string, PresenceInput[], string, string]>([
    ['in a call', [call()], 'in-call', 'Confer: In a call in standup'],
    ['muted', [call({ audioMuted: true })], 'muted', 'Confer: In a call, muted in standup'],
    ['presenting (outranks muted)', [call({ audioMuted: true, screenSharing: true })], 'presenting', 'Confer: Presenting in standup'],
    ['do not disturb', [{ type: 'status-chosen', status: 'do-not-disturb' }], 'do-not-disturb', 'Confer: Do not disturb'],
    ['a call outranks do not disturb', [{ type: 'status-chosen', status: 'do-not-disturb' }, call()], 'in-call', 'Confer: In a call in standup'],
    ['reconnecting is still in the call', [call(), call({ reconnecting: true })], 'in-call', 'Confer: In a call in standup, reconnecting'],
    ['presenting through a reconnect', [call({ screenSharing: true, reconnecting: true })], 'presenting', 'Confer: Presenting in standup, reconnecting'],
    ['leaving the call', [call({ screenSharing: true }), call({ inCall: false, reconnecting: false, room: null })], 'available', 'Confer: Available'],
  ])('%s', (_label, inputs, icon, tooltip) => {
    const state = run(...inputs);
    expect(presenceIcon(state)).toBe(icon);
    expect(presenceTooltip(state, SHELL_MESSAGES.en)).toBe(tooltip);
  });

  test('idle → away → back when the user returns', () => {
    const idle = run({ type: 'user-idle' });
    expect(presenceIcon(idle)).toBe('away');
    expect(presenceIcon(reducePresence(idle, { type: 'user-active' }))).toBe('available');
  });

  test('the lock screen is away until unlocked, even if input resumes meanwhile', () => {
    const locked = run({ type: 'screen-locked' });
    expect(presenceIcon(locked)).toBe('away');
    expect(presenceIcon(reducePresence(locked, { type: 'user-active' }))).toBe('away');
    expect(presenceIcon(run({ type: 'user-idle' }, { type: 'screen-locked' }, { type: 'screen-unlocked' }))).toBe('available');
  });

  test('idle during a call stays in the call, and away shows once it ends', () => {
    const state = run(call(), { type: 'user-idle' });
    expect(presenceIcon(state)).toBe('in-call');
    expect(presenceIcon(reducePresence(state, call({ inCall: false, reconnecting: false, room: null })))).toBe('away');
  });

  test('do not disturb outlasts idleness and return', () => {
    expect(presenceIcon(run({ type: 'status-chosen', status: 'do-not-disturb' }, { type: 'user-idle' }))).toBe('do-not-disturb');
    expect(presenceIcon(run({ type: 'status-chosen', status: 'do-not-disturb' }, { type: 'user-idle' }, { type: 'user-active' }))).toBe(
      'do-not-disturb',
    );
  });

  test('a report of no call forgets the room and media flags', () => {
    expect(run(call({ audioMuted: true }), call({ inCall: false, reconnecting: false, room: 'standup', audioMuted: true })).call).toEqual({
      inCall: false,
      reconnecting: false,
      room: null,
      audioMuted: false,
      screenSharing: false,
    });
  });
});

describe('tray menu', () => {
  const actions = (state: PresenceState) =>
    trayMenu(state, { miniWindowEnabled: false, words: SHELL_MESSAGES.en }).flatMap((entry) => (entry.kind === 'action' ? [[entry.id, entry.label, entry.enabled]] : []));

  test('outside a call the call actions are disabled', () => {
    expect(actions(initialPresence)).toEqual([
      ['show-window', 'Show Confer', true],
      ['toggle-audio', 'Mute', false],
      ['stop-screen-share', 'Stop sharing', false],
      ['leave-call', 'Leave call', false],
      ['quit', 'Quit Confer', true],
    ]);
  });

  test('in a muted call while presenting: unmute, stop sharing and leave are offered', () => {
    expect(actions(run(call({ audioMuted: true, screenSharing: true })))).toEqual([
      ['show-window', 'Show Confer', true],
      ['toggle-audio', 'Unmute', true],
      ['stop-screen-share', 'Stop sharing', true],
      ['leave-call', 'Leave call', true],
      ['quit', 'Quit Confer', true],
    ]);
  });

  test('the status submenu shows away when detected, and not the call', () => {
    const away = run({ type: 'user-idle' });
    expect(trayMenu(away, { miniWindowEnabled: false, words: SHELL_MESSAGES.en }).find((entry) => entry.kind === 'status-menu')?.label).toBe('Set status (Away)');
  });

  test('the chosen status and the mini window toggle are checked', () => {
    const menu = trayMenu(run({ type: 'status-chosen', status: 'do-not-disturb' }), { miniWindowEnabled: true, words: SHELL_MESSAGES.en });
    const statusMenu = menu.find((entry) => entry.kind === 'status-menu');
    expect(statusMenu?.label).toBe('Set status (Do not disturb)');
    expect(statusMenu?.statuses.map((entry) => [entry.status, entry.checked])).toEqual([
      ['available', false],
      ['do-not-disturb', true],
    ]);
    expect(menu.find((entry) => entry.kind === 'toggle')).toMatchObject({ checked: true });
  });
});
