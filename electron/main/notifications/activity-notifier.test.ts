import { describe, expect, test } from 'vitest';
import { SHELL_MESSAGES } from '../../../shared/desktop/shell-messages.js';
import { createActivityNotifier } from './activity-notifier.js';

function setup() {
  const state = { focused: false, doNotDisturb: false };
  const shown: { title: string; body: string; click: () => void }[] = [];
  let windowShown = 0;
  const notifier = createActivityNotifier({
    isCallWindowFocused: () => state.focused,
    isDoNotDisturb: () => state.doNotDisturb,
    messages: () => SHELL_MESSAGES.en,
    show: (notification, onClick) => void shown.push({ ...notification, click: onClick }),
    showCallWindow: () => void (windowShown += 1),
  });
  return { state, shown, notifier, windowShown: () => windowShown };
}

describe('system notifications for the call', () => {
  test('a chat message in the background notifies, and clicking it brings the call window back', () => {
    const { shown, notifier, windowShown } = setup();
    expect(notifier.notify({ kind: 'chat', name: 'Bob', text: 'are you there?' })).toBe(true);
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([{ title: 'Bob', body: 'are you there?' }]);
    shown[0]?.click();
    expect(windowShown()).toBe(1);
  });

  test('nothing while the call window has focus or the tray says do not disturb', () => {
    const { state, shown, notifier } = setup();
    state.focused = true;
    notifier.notify({ kind: 'joined', name: 'Carol' });
    state.focused = false;
    state.doNotDisturb = true;
    notifier.notify({ kind: 'hand', name: 'Carol' });
    expect(shown).toEqual([]);
  });
});
