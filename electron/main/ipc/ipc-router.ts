import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { IPC_INVOKE_CHANNEL, type IpcChannel } from '../../../shared/ipc/channel.js';
import { IpcEnvelopeSchema, ipcChannels, type IpcChannelKey, type IpcChannels } from '../../../shared/ipc/channels.js';
import { IpcErrorReason, type IpcResult } from '../../../shared/ipc/result.js';

/** The part of an invoke event the router reads: the frame that sent it. */
export type IpcSenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;
/** The frame fields the sender check needs; a typed subset of Electron's WebFrameMain. */
export type SenderFrame = NonNullable<IpcMainInvokeEvent['senderFrame']>;

export type IpcHandlers = {
  readonly [K in IpcChannelKey]: (
    request: z.output<IpcChannels[K]['request']>,
    sender: SenderFrame,
  ) => Promise<z.input<IpcChannels[K]['response']>> | z.input<IpcChannels[K]['response']>;
};

export type SenderCheck = (frame: SenderFrame) => boolean;
export type IpcRouter = (event: IpcSenderEvent, envelope: unknown) => Promise<IpcResult<unknown>>;

const channelsByName = new Map<string, [IpcChannelKey, IpcChannel]>(
  (Object.keys(ipcChannels) as IpcChannelKey[]).map((key) => [ipcChannels[key].name, [key, ipcChannels[key]]]),
);

function failure(reason: IpcErrorReason, message: string): IpcResult<never> {
  return { ok: false, error: { reason, message } };
}

/**
 * Routes one invoke envelope: the sender must be trusted, the channel known,
 * the request and the handler's response valid. Every failure is a typed
 * result; nothing thrown by a handler reaches Electron.
 */
export function createIpcRouter(handlers: IpcHandlers, isTrustedSender: SenderCheck): IpcRouter {
  return async (event, envelope) => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame)) {
      return failure(IpcErrorReason.foreignSender, 'IPC is only accepted from the app’s own top frame');
    }
    const parsedEnvelope = IpcEnvelopeSchema.safeParse(envelope);
    if (!parsedEnvelope.success) return failure(IpcErrorReason.invalidRequest, 'malformed IPC envelope');
    const entry = channelsByName.get(parsedEnvelope.data.channel);
    if (!entry) return failure(IpcErrorReason.unknownChannel, `unknown IPC channel "${parsedEnvelope.data.channel}"`);
    const [key, channel] = entry;
    const request = channel.request.safeParse(parsedEnvelope.data.payload);
    if (!request.success) {
      return failure(IpcErrorReason.invalidRequest, `${channel.name}: ${request.error.issues[0]?.message ?? 'invalid'}`);
    }
    let value: unknown;
    try {
      // The handler table is keyed by the same key as the channel, so the request type matches.
      const handler = handlers[key] as (request: unknown, sender: SenderFrame) => unknown;
      value = await handler(request.data, frame);
    } catch (error) {
      return failure(IpcErrorReason.handlerFailed, error instanceof Error ? error.message : String(error));
    }
    const response = channel.response.safeParse(value);
    if (!response.success) return failure(IpcErrorReason.invalidResponse, `${channel.name}: response failed its schema`);
    return { ok: true, value: response.data };
  };
}

export function registerIpcRouter(ipcMain: Pick<IpcMain, 'handle'>, router: IpcRouter): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, envelope: unknown) => router(event, envelope));
}
