import { describe, expect, test } from 'vitest';
import { sendWindowEvent, type EventRecipient } from './window-events.js';

function target(destroyed = false) {
  const sent: unknown[][] = [];
  const double: EventRecipient = { send: (...args: unknown[]) => void sent.push(args), isDestroyed: () => destroyed };
  return { double, sent };
}

describe('main→renderer events', () => {
  test('are sent on their own channel with the validated payload', () => {
    const { double, sent } = target();
    sendWindowEvent(double, 'deepLinkJoin', { room: 'standup', server: null, leaveCall: false });
    expect(sent).toEqual([['confer:event:deep-link:join', { room: 'standup', server: null, leaveCall: false }]]);
  });

  test('a payload that breaks its schema is a bug in the main process, thrown here', () => {
    const { double, sent } = target();
    expect(() => sendWindowEvent(double, 'deepLinkJoin', { room: '../etc', server: null, leaveCall: false })).toThrow();
    expect(sent).toEqual([]);
  });

  test('a destroyed window is skipped', () => {
    const { double, sent } = target(true);
    sendWindowEvent(double, 'callCommand', { kind: 'leave-call' });
    expect(sent).toEqual([]);
  });
});
