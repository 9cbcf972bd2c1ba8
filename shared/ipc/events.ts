import type { z } from 'zod';
import { CaptureEndedSchema, CaptureRequestedSchema } from '../desktop/capture.js';
import { DeepLinkOpenSchema } from '../desktop/deep-link.js';
import { OverlayContentSchema } from '../desktop/overlay.js';
import { CallCommandSchema, CallReportSchema } from '../desktop/call-report.js';
import { defineEvent, type WindowEvent } from './event.js';
import { WINDOW_EVENT_NAMES as names, type WindowEventKey } from './names.js';

/** Every main→renderer event. The preload listens to exactly these; a page cannot subscribe to anything else. */
export const windowEvents = {
  captureRequested: defineEvent(names.captureRequested, CaptureRequestedSchema),
  captureEnded: defineEvent(names.captureEnded, CaptureEndedSchema),
  callCommand: defineEvent(names.callCommand, CallCommandSchema),
  deepLinkJoin: defineEvent(names.deepLinkJoin, DeepLinkOpenSchema),
  overlayContent: defineEvent(names.overlayContent, OverlayContentSchema),
  /** The call as the main window last reported it, for the mini call window. */
  callStatus: defineEvent(names.callStatus, CallReportSchema),
} as const satisfies Record<WindowEventKey, WindowEvent>;

export type WindowEvents = typeof windowEvents;
export type { WindowEventKey };
export type WindowEventPayload<K extends WindowEventKey> = z.output<WindowEvents[K]['payload']>;
