import { describe, expect, test } from 'vitest';
import { SHELL_MESSAGES } from './shell-messages.js';
import { ActivityNoticeSchema, notificationFor } from './call-notification.js';

const away = { focused: false, doNotDisturb: false };
const english = SHELL_MESSAGES.en.notification;

describe('when an activity becomes a system notification', () => {
  test('chat, a raised hand, someone joining and someone waiting to be let in notify while the window is not focused', () => {
    expect(notificationFor({ kind: 'chat', name: 'Bob', text: 'ready?' }, away, english)).toEqual({ title: 'Bob', body: 'ready?' });
    expect(notificationFor({ kind: 'hand', name: 'Bob' }, away, english)).toEqual({ title: 'Raised hand', body: 'Bob raised a hand' });
    expect(notificationFor({ kind: 'joined', name: 'Carol' }, away, english)).toEqual({ title: 'Joined the call', body: 'Carol joined the call' });
    expect(notificationFor({ kind: 'waiting', name: 'Dan' }, away, english)).toEqual({ title: 'Waiting room', body: 'Dan is waiting to be let in' });
  });

  test('nothing while the window is focused, and nothing during do-not-disturb', () => {
    const chat = { kind: 'chat', name: 'Bob', text: 'hi' } as const;
    expect(notificationFor(chat, { focused: true, doNotDisturb: false }, english)).toBeNull();
    expect(notificationFor(chat, { focused: false, doNotDisturb: true }, english)).toBeNull();
  });

  test('a long message is cut to a glance', () => {
    const body = notificationFor({ kind: 'chat', name: 'Bob', text: 'x'.repeat(1000) }, away, english)?.body ?? '';
    expect(body).toHaveLength(200);
    expect(body.endsWith('…')).toBe(true);
  });

  test('the reported activity is checked: no unknown kinds, no empty or oversized names', () => {
    expect(ActivityNoticeSchema.safeParse({ kind: 'chat', name: 'Bob', text: 'hi' }).success).toBe(true);
    expect(ActivityNoticeSchema.safeParse({ kind: 'left', name: 'Bob' }).success).toBe(false);
    expect(ActivityNoticeSchema.safeParse({ kind: 'hand', name: '' }).success).toBe(false);
    expect(ActivityNoticeSchema.safeParse({ kind: 'hand', name: 'x'.repeat(65) }).success).toBe(false);
    expect(ActivityNoticeSchema.safeParse({ kind: 'hand', name: 'Bob', admin: true }).success).toBe(false);
  });
});
