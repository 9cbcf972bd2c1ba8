import { z } from 'zod';
import { RuntimeConfigSchema } from '../config/runtime-config.js';
import { defineChannel } from './channel.js';

const NoRequest = z.strictObject({});

/**
 * Every IPC channel of the app. The preload exposes exactly these, the main
 * process routes exactly these; anything else is refused.
 */
export const ipcChannels = {
  getRuntimeConfig: defineChannel('config:get-runtime', NoRequest, RuntimeConfigSchema),
  getAppInfo: defineChannel(
    'app:get-info',
    NoRequest,
    z.strictObject({ name: z.string(), version: z.string(), platform: z.string() }),
  ),
} as const;

export type IpcChannels = typeof ipcChannels;
export type IpcChannelKey = keyof IpcChannels;
export type IpcRequest<K extends IpcChannelKey> = z.input<IpcChannels[K]['request']>;
export type IpcResponse<K extends IpcChannelKey> = z.output<IpcChannels[K]['response']>;

/** Envelope sent on the single invoke channel. Validated by the router before anything else. */
export const IpcEnvelopeSchema = z.strictObject({ channel: z.string().max(128), payload: z.unknown() });
export type IpcEnvelope = z.infer<typeof IpcEnvelopeSchema>;
