import type { z } from 'zod';
import { CaptureEndedSchema, CaptureRequestedSchema } from '../desktop/capture.js';
import { DeepLinkJoinSchema } from '../desktop/deep-link.js';
import { OverlayContentSchema } from '../desktop/overlay.js';
import { CallCommandSchema, CallReportSchema } from '../desktop/presence.js';
import { defineEvent } from './event.js';

/** Every main→renderer event. The preload listens to exactly these; a page cannot subscribe to anything else. */
export const hostEvents = {
  captureRequested: defineEvent('capture:requested', CaptureRequestedSchema),
  captureEnded: defineEvent('capture:ended', CaptureEndedSchema),
  callCommand: defineEvent('call:command', CallCommandSchema),
  deepLinkJoin: defineEvent('deep-link:join', DeepLinkJoinSchema),
  overlayContent: defineEvent('overlay:content', OverlayContentSchema),
  /** The call as the main window last reported it, for the mini call window. */
  callStatus: defineEvent('call:status', CallReportSchema),
} as const;

export type HostEvents = typeof hostEvents;
export type HostEventKey = keyof HostEvents;
export type HostEventPayload<K extends HostEventKey> = z.output<HostEvents[K]['payload']>;
/** `captureRequested` → `onCaptureRequested`: the preload function that subscribes to an event. */
export type HostEventSubscriber<K extends HostEventKey> = `on${Capitalize<K>}`;

export function subscriberName<K extends HostEventKey>(key: K): HostEventSubscriber<K> {
  return `on${key.charAt(0).toUpperCase()}${key.slice(1)}` as HostEventSubscriber<K>;
}
