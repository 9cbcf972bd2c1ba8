import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { silentTooLong, watchLiveness, type LivenessPolicy } from './liveness-watch.js';

const POLICY: LivenessPolicy = { everyMs: 100, silentMs: 400 };

/** A session whose socket the test watches: what was sent, whether it was closed, when the server was last heard. */
function fakeJanus() {
  let heardAt = 0;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const sent: unknown[] = [];
  const janus = {
    session: { send: async (message: unknown) => void sent.push(message) } as unknown as Parameters<typeof watchLiveness>[0]['session'],
    closed,
    lastHeardAt: () => heardAt,
    close: vi.fn(async () => markClosed()),
  };
  return { janus, sent, silences: [] as number[], hear: (at: number) => (heardAt = at), markClosed };
}

describe('watching a Janus socket for silence', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('silence is too long from the policy’s limit on', () => {
    expect(silentTooLong(1000, 1399, POLICY)).toBe(false);
    expect(silentTooLong(1000, 1400, POLICY)).toBe(true);
  });

  test('sends keep-alives and leaves a server that answers alone', async () => {
    const fake = fakeJanus();
    watchLiveness(fake.janus, () => fake.silences.push(Date.now()), POLICY, () => Date.now());
    for (let step = 0; step < 10; step += 1) {
      fake.hear(Date.now());
      await vi.advanceTimersByTimeAsync(POLICY.everyMs);
    }
    expect(fake.sent.length).toBe(10);
    expect(fake.sent[0]).toEqual({ janus: 'keepalive' });
    expect(fake.janus.close).not.toHaveBeenCalled();
  });

  test('closes the socket of a server that stays silent, once', async () => {
    const fake = fakeJanus();
    fake.hear(Date.now());
    watchLiveness(fake.janus, () => fake.silences.push(Date.now()), POLICY, () => Date.now());
    await vi.advanceTimersByTimeAsync(POLICY.silentMs * 3);
    expect(fake.janus.close).toHaveBeenCalledTimes(1);
    expect(fake.silences).toHaveLength(1);
  });

  test('stops once the socket closed for another reason', async () => {
    const fake = fakeJanus();
    watchLiveness(fake.janus, () => fake.silences.push(Date.now()), POLICY, () => Date.now());
    fake.markClosed();
    await vi.advanceTimersByTimeAsync(POLICY.silentMs * 3);
    expect(fake.sent).toEqual([]);
    expect(fake.janus.close).not.toHaveBeenCalled();
  });
});
