import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ipcChannels, type IpcChannelKey } from '../../../shared/ipc/channels.js';
import { IpcErrorReason } from '../../../shared/ipc/result.js';
import { isAppTopFrame } from '../security/app-origin.js';
import { createIpcRouter, type IpcHandlers, type IpcSenderEvent, type SenderFrame } from './ipc-router.js';

/** Handlers that record what reached them: a fuzzed payload must never get this far unless it is valid. */
function recordingHandlers(reached: unknown[]): IpcHandlers {
  return new Proxy({} as IpcHandlers, {
    get: (_target, key) => (request: unknown) => {
      reached.push({ key, request });
      throw new Error('handler reached');
    },
  });
}

const appFrame: IpcSenderEvent = { senderFrame: { url: 'app://confer/index.html', parent: null } as SenderFrame };
const channelKeys = Object.keys(ipcChannels) as IpcChannelKey[];

/** Arbitrary values of every JSON-ish shape, including deep nesting, prototypes-as-keys and huge strings. */
const payload = fc.oneof(
  fc.anything({ maxDepth: 4, withBigInt: false, withMap: true, withSet: true, withDate: true, withTypedArray: true }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'channel', 'payload', 'room', 'url', 'id'), fc.anything({ maxDepth: 2 })),
  fc.string({ maxLength: 100_000 }),
);

describe('IPC router under fuzzed input', () => {
  test.each(channelKeys)('%s: every fuzzed payload is refused or passes the schema, and never crashes the router', async (key) => {
    const channel = ipcChannels[key];
    await fc.assert(
      fc.asyncProperty(payload, async (value) => {
        const reached: unknown[] = [];
        const router = createIpcRouter(recordingHandlers(reached), isAppTopFrame);
        const result = await router(appFrame, { channel: channel.name, payload: value });
        const valid = channel.request.safeParse(value).success;
        if (valid) {
          // Only a payload that passes the schema may reach the handler.
          expect(reached).toHaveLength(1);
          expect(result).toMatchObject({ ok: false, error: { reason: IpcErrorReason.handlerFailed } });
        } else {
          expect(reached).toHaveLength(0);
          expect(result).toMatchObject({ ok: false, error: { reason: IpcErrorReason.invalidRequest } });
        }
      }),
      { numRuns: 300 },
    );
  });

  test('fuzzed envelopes are refused with a typed error and reach no handler', async () => {
    const reached: unknown[] = [];
    const router = createIpcRouter(recordingHandlers(reached), isAppTopFrame);
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 3 }), async (envelope) => {
        const result = await router(appFrame, envelope);
        expect(result).toMatchObject({ ok: false, error: { reason: expect.stringMatching(/^(invalid-request|unknown-channel)$/) } });
        expect(reached).toHaveLength(0);
      }),
      { numRuns: 300 },
    );
  });
});
