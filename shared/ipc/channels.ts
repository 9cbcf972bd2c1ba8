import { z } from 'zod';
import { RuntimeConfigSchema } from '../config/runtime-config.js';
import { CaptureChoiceSchema, CaptureRequestIdSchema, CaptureSourceSchema } from '../desktop/capture.js';
import { OverlayContentSchema } from '../desktop/overlay.js';
import { CallReportSchema, MiniWindowCommandSchema } from '../desktop/call-report.js';
import { ActivityNoticeSchema } from '../desktop/call-notification.js';
import { CallPreferencesLoadSchema, CallPreferencesSchema } from '../desktop/call-preferences.js';
import { defineChannel, type IpcChannel } from './channel.js';
import { IPC_CHANNEL_NAMES as names, type IpcChannelKey } from './names.js';

const NoRequest = z.strictObject({});
const NoResponse = z.strictObject({});

/**
 * Every IPC channel of the app. The preload exposes exactly these, the main
 * process routes exactly these; anything else is refused.
 */
export const ipcChannels = {
  getRuntimeConfig: defineChannel(names.getRuntimeConfig, NoRequest, RuntimeConfigSchema),
  getAppInfo: defineChannel(
    names.getAppInfo,
    NoRequest,
    z.strictObject({ name: z.string(), version: z.string(), platform: z.string() }),
  ),
  /** Sources for a pending screen-share request; only the window that made the request may ask. */
  listCaptureSources: defineChannel(
    names.listCaptureSources,
    z.strictObject({ requestId: CaptureRequestIdSchema }),
    z.strictObject({ sources: z.array(CaptureSourceSchema).max(256) }),
  ),
  /** Completes a pending request with the chosen source, or cancels it with `null`. */
  answerCapture: defineChannel(
    names.answerCapture,
    z.strictObject({ requestId: CaptureRequestIdSchema, choice: CaptureChoiceSchema.nullable() }),
    NoResponse,
  ),
  /** The call window's state, for the tray, the close-to-tray rule and the presenter overlay. */
  reportCall: defineChannel(names.reportCall, CallReportSchema, NoResponse),
  /** What the presenter overlay shows; ignored while no overlay is open. */
  updateOverlay: defineChannel(names.updateOverlay, OverlayContentSchema, NoResponse),
  /**
   * A window subscribed to its events: the main process sends what it
   * missed while loading (a deep link, the call status, the overlay content).
   */
  announceReady: defineChannel(names.announceReady, NoRequest, NoResponse),
  /** Buttons of the mini call window; accepted from that window only. */
  sendMiniWindowCommand: defineChannel(names.sendMiniWindowCommand, MiniWindowCommandSchema, NoResponse),
  /** Something others did in the call; the main process decides whether it becomes a system notification. */
  notifyActivity: defineChannel(names.notifyActivity, ActivityNoticeSchema, NoResponse),
  /** The call's preferences (settings screen), kept in the settings file; parts that were unreadable are named. */
  getCallPreferences: defineChannel(names.getCallPreferences, NoRequest, CallPreferencesLoadSchema),
  saveCallPreferences: defineChannel(names.saveCallPreferences, CallPreferencesSchema, NoResponse),
} as const satisfies Record<IpcChannelKey, IpcChannel>;

export type IpcChannels = typeof ipcChannels;
export type { IpcChannelKey };
export type IpcRequest<K extends IpcChannelKey> = z.input<IpcChannels[K]['request']>;
export type IpcResponse<K extends IpcChannelKey> = z.output<IpcChannels[K]['response']>;

/** Envelope sent on the single invoke channel. Validated by the router before anything else. */
export const IpcEnvelopeSchema = z.strictObject({ channel: z.string().max(128), payload: z.unknown() });
export type IpcEnvelope = z.infer<typeof IpcEnvelopeSchema>;
