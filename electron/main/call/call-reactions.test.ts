import { describe, expect, test } from 'vitest';
import type { CallReport } from '../../../shared/desktop/call-report.js';
import { createCallReactions } from './call-reactions.js';

const report = (overrides: Partial<CallReport> = {}): CallReport => ({ inCall: true, reconnecting: false, room: 'standup', audioMuted: false, screenSharing: false, ...overrides });
const noCall: CallReport = { inCall: false, reconnecting: false, room: null, audioMuted: false, screenSharing: false };

function setup() {
  const log: string[] = [];
  const reactions = createCallReactions({
    trayStatus: (r) => log.push(`tray ${r.inCall}`),
    muteShortcut: { hold: () => log.push('hold shortcut'), release: () => log.push('release shortcut') },
    overlay: { open: (id) => log.push(`overlay open ${id}`), close: () => log.push('overlay close') },
    afterReport: (_r, ended) => void (ended && log.push('ended')),
  });
  return { reactions, log };
}

describe('reactions to the call window’s reports', () => {
  test('the mute shortcut is held from the start of a call to its end, once', () => {
    const { reactions, log } = setup();
    reactions.report(report());
    reactions.report(report({ audioMuted: true }));
    reactions.report(noCall);
    expect(log.filter((line) => line.includes('shortcut') || line === 'ended')).toEqual(['hold shortcut', 'release shortcut', 'ended']);
  });

  test('the overlay opens over the granted screen once the share is live, and closes with it', () => {
    const { reactions, log } = setup();
    reactions.report(report());
    reactions.granted({ kind: 'screen', displayId: '2' });
    expect(log.filter((line) => line === 'overlay open 2')).toEqual([]);
    reactions.report(report({ screenSharing: true }));
    expect(log).toContain('overlay open 2');
    log.length = 0;
    reactions.report(report({ screenSharing: false }));
    expect(log).toContain('overlay close');
    // A later share of the same call needs a new grant.
    reactions.report(report({ screenSharing: true }));
    expect(log.filter((line) => line.startsWith('overlay open'))).toEqual([]);
  });

  test('sharing a window gets no overlay', () => {
    const { reactions, log } = setup();
    reactions.granted({ kind: 'window', displayId: '' });
    reactions.report(report({ screenSharing: true }));
    expect(log.filter((line) => line.startsWith('overlay open'))).toEqual([]);
  });

  test('leaving the call closes the overlay', () => {
    const { reactions, log } = setup();
    reactions.granted({ kind: 'screen', displayId: '1' });
    reactions.report(report({ screenSharing: true }));
    reactions.report(noCall);
    expect(log.slice(-3)).toEqual(['release shortcut', 'overlay close', 'ended']);
  });

  test('a reconnect keeps the call: tray in call, shortcut held, overlay open, and nothing ends', () => {
    const { reactions, log } = setup();
    reactions.granted({ kind: 'screen', displayId: '2' });
    reactions.report(report({ screenSharing: true }));
    log.length = 0;
    reactions.report(report({ screenSharing: true, reconnecting: true }));
    reactions.report(report({ screenSharing: true }));
    expect(log).toEqual(['tray true', 'overlay open 2', 'tray true', 'overlay open 2']);
    expect(reactions.current.inCall).toBe(true);
  });

  test('an overlay a reconnect interrupted returns when the share resumes, without a new grant', () => {
    const { reactions, log } = setup();
    reactions.granted({ kind: 'screen', displayId: '2' });
    reactions.report(report({ screenSharing: true }));
    reactions.report(report({ screenSharing: false, reconnecting: true }));
    expect(log.at(-1)).toBe('overlay close');
    log.length = 0;
    reactions.report(report({ screenSharing: true }));
    expect(log).toEqual(['tray true', 'overlay open 2']);
  });
});
