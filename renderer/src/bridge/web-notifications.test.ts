import { describe, expect, test } from 'vitest';
import type { Language } from '../../../shared/desktop/call-preferences.js';
import { createWebNotifications, type WebNotificationHost } from './web-notifications.js';

/** The browser's Notification API as the page sees it: a permission, a request, and what was shown. */
function host(permission: NotificationPermission, focused = false) {
  const shown: { title: string; body: string | undefined; notification: { onclick: ((event: Event) => unknown) | null } }[] = [];
  let requests = 0;
  let focusedAfterClick = false;
  class FakeNotification {
    static permission = permission;
    static requestPermission = async () => ((requests += 1), permission);
    onclick: ((event: Event) => unknown) | null = null;
    constructor(title: string, options: NotificationOptions) {
      shown.push({ title, body: options.body, notification: this });
    }
  }
  const page = {
    Notification: FakeNotification as unknown as NonNullable<WebNotificationHost['Notification']>,
    document: { hasFocus: () => focused },
    focus: () => void (focusedAfterClick = true),
    language: (): Language => 'en',
  };
  return { page, shown, requests: () => requests, focusedAfterClick: () => focusedAfterClick };
}

describe('notifications in the web build', () => {
  test('once permitted, a chat message in a background tab notifies, and clicking it focuses the tab', () => {
    const { page, shown, focusedAfterClick } = host('granted');
    expect(createWebNotifications(page).notify({ kind: 'chat', name: 'Bob', text: 'hi' })).toBe(true);
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([{ title: 'Bob', body: 'hi' }]);
    shown[0]?.notification.onclick?.(new Event('click'));
    expect(focusedAfterClick()).toBe(true);
  });

  test('nothing without permission, in a focused tab, or where the browser has no Notification API', () => {
    expect(createWebNotifications(host('default').page).notify({ kind: 'hand', name: 'Bob' })).toBe(false);
    expect(createWebNotifications(host('granted', true).page).notify({ kind: 'hand', name: 'Bob' })).toBe(false);
    expect(createWebNotifications({ document: { hasFocus: () => false }, focus: () => undefined, language: () => 'en' }).notify({ kind: 'hand', name: 'Bob' })).toBe(false);
  });

  test('permission is asked once, when a call starts, and never again after an answer', () => {
    const undecided = host('default');
    const notifications = createWebNotifications(undecided.page);
    notifications.callStarted();
    notifications.callStarted();
    expect(undecided.requests()).toBe(1);
    const refused = host('denied');
    createWebNotifications(refused.page).callStarted();
    expect(refused.requests()).toBe(0);
  });
});
