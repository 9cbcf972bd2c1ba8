import { describe, expect, test } from 'vitest';
import { CHAT_QUEUE_BOUND_MS, ChatOutbox, RESEND_DELAYS_MS } from './chat-outbox.js';

describe('the chat outbox', () => {
  test('queued messages go out together, oldest first, then are repeated at growing delays and dropped', () => {
    const outbox = new ChatOutbox();
    outbox.queue({ id: 'a', text: 'first' }, 0);
    outbox.queue({ id: 'b', text: 'second' }, 10);
    expect(outbox.flush(100).map((chat) => chat.id)).toEqual(['a', 'b']);
    expect(outbox.flush(100)).toEqual([]);
    let now = 100;
    const repeats: number[] = [];
    while (outbox.nextWakeAt() !== null) {
      now = outbox.nextWakeAt() ?? now;
      if (outbox.dueResends(now).length === 2) repeats.push(now);
    }
    let at = 100;
    expect(repeats).toEqual(RESEND_DELAYS_MS.map((delay) => (at += delay)));
    expect(outbox.recent()).toEqual([]);
  });

  test('a message still queued after the bound is given up; a newer one waits on', () => {
    const outbox = new ChatOutbox();
    outbox.queue({ id: 'old', text: 'x' }, 0);
    outbox.queue({ id: 'new', text: 'y' }, 5_000);
    expect(outbox.nextWakeAt()).toBe(CHAT_QUEUE_BOUND_MS);
    expect(outbox.expire(CHAT_QUEUE_BOUND_MS - 1)).toEqual([]);
    expect(outbox.expire(CHAT_QUEUE_BOUND_MS)).toEqual(['old']);
    expect(outbox.flush(CHAT_QUEUE_BOUND_MS + 1)).toEqual([{ id: 'new', text: 'y' }]);
  });

  test('the end of the call hands back what is still queued and stops the repeats', () => {
    const outbox = new ChatOutbox();
    outbox.queue({ id: 'sent', text: 'x' }, 0);
    outbox.flush(1);
    outbox.queue({ id: 'waiting', text: 'y' }, 2);
    expect(outbox.recent().map((chat) => chat.id)).toEqual(['sent']);
    expect(outbox.clear()).toEqual(['waiting']);
    expect(outbox.nextWakeAt()).toBeNull();
  });
});
