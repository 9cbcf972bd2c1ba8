import { beforeAll, describe, expect, test, vi } from 'vitest';
import { PRELOAD_BRIDGE_KEY } from '../../shared/bridge.js';
import { IPC_INVOKE_CHANNEL } from '../../shared/ipc/channel.js';
import { ipcChannels } from '../../shared/ipc/channels.js';
import { windowEvents } from '../../shared/ipc/events.js';
import { subscriberName } from '../../shared/ipc/names.js';

/** The two Electron objects the preload touches, recorded. */
const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
const invoked: unknown[][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => void invoked.push(args),
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => void listeners.get(channel)?.delete(listener),
  },
}));

let bridge: Record<string, (...args: unknown[]) => unknown>;
beforeAll(async () => {
  await import('./index.js');
  bridge = exposed.get(PRELOAD_BRIDGE_KEY) as typeof bridge;
});

describe('preload bridge', () => {
  test('exposes exactly one function per channel and per event, and nothing else', () => {
    expect([...exposed.keys()]).toEqual([PRELOAD_BRIDGE_KEY]);
    const expected = [...Object.keys(ipcChannels), ...Object.keys(windowEvents).map((key) => subscriberName(key as keyof typeof windowEvents))];
    expect(Object.keys(bridge).sort()).toEqual(expected.sort());
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  test('a channel function sends its own name on the one invoke channel', async () => {
    await bridge.reportCall?.({ inCall: false });
    expect(invoked).toEqual([[IPC_INVOKE_CHANNEL, { channel: 'call:report', payload: { inCall: false } }]]);
  });

  test('an event subscriber passes the payload only, never Electron’s event, and unsubscribes', () => {
    const received: unknown[] = [];
    const unsubscribe = bridge.onCallCommand?.((...args: unknown[]) => received.push(args)) as () => void;
    const channel = 'confer:event:call:command';
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer' }, { kind: 'leave-call' });
    expect(received).toEqual([[{ kind: 'leave-call' }]]);
    unsubscribe();
    expect(listeners.get(channel)?.size).toBe(0);
  });
});
