import type { z } from 'zod';
import { CaptureEndedSchema, CaptureRequestedSchema } from '../desktop/capture.js';
import { DeepLinkJoinSchema } from '../desktop/deep-link.js';
import { OverlayContentSchema } from '../desktop/overlay.js';
import { CallCommandSchema, CallReportSchema } from '../desktop/presence.js';
import { defineEvent, type HostEvent } from './event.js';
import { HOST_EVENT_NAMES as names, type HostEventKey } from './names.js';

/** Every main→renderer event. The preload listens to exactly these; a page cannot subscribe to anything else. */
export const hostEvents = {
  captureRequested: defineEvent(names.captureRequested, CaptureRequestedSchema),
  captureEnded: defineEvent(names.captureEnded, CaptureEndedSchema),
  callCommand: defineEvent(names.callCommand, CallCommandSchema),
  deepLinkJoin: defineEvent(names.deepLinkJoin, DeepLinkJoinSchema),
  overlayContent: defineEvent(names.overlayContent, OverlayContentSchema),
  /** The call as the main window last reported it, for the mini call window. */
  callStatus: defineEvent(names.callStatus, CallReportSchema),
} as const satisfies Record<HostEventKey, HostEvent>;

export type HostEvents = typeof hostEvents;
export type { HostEventKey };
export type HostEventPayload<K extends HostEventKey> = z.output<HostEvents[K]['payload']>;
