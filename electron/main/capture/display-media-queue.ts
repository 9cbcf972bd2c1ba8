import type { DesktopCapturer, DisplayMediaRequestHandlerHandlerRequest, Streams } from 'electron';
import type { CaptureChoice, CaptureEnded, CaptureRequested, CaptureSource } from '../../../shared/desktop/capture.js';
import type { Unsubscribe } from '../../../shared/bridge.js';

/** A picker left open longer than this is abandoned: getDisplayMedia rejects instead of hanging for ever. */
export const CAPTURE_REQUEST_TIMEOUT_MS = 120_000;
/** Big enough for a legible tile in the picker, small enough to refresh every couple of seconds. */
const THUMBNAIL_SIZE = { width: 320, height: 180 };

export type DisplayMediaRequest = Pick<DisplayMediaRequestHandlerHandlerRequest, 'frame' | 'securityOrigin' | 'audioRequested'>;
export type DisplayMediaCallback = (streams: Streams | null) => void;
type RequestingFrame = NonNullable<DisplayMediaRequest['frame']>;

/** The window a request belongs to, as the queue needs to know it. */
export interface CaptureOwner {
  /** The owning WebContents' id: the same for every frame of that window. */
  readonly id: number;
  /** Called once when the window is closed or its contents destroyed. */
  onClosed(listener: () => void): Unsubscribe;
  requested(event: CaptureRequested): void;
  ended(event: CaptureEnded): void;
}

export interface DisplayMediaQueueOptions {
  /** Maps a requesting (or IPC-sending) frame to its window; null for frames we do not own. */
  readonly ownerOf: (frame: RequestingFrame) => CaptureOwner | null;
  readonly desktopCapturer: Pick<DesktopCapturer, 'getSources'>;
  /** Only the app's own origin may capture the screen. */
  readonly isAllowedOrigin: (origin: string) => boolean;
  /** Wayland: the system's portal picker chooses, ours never opens. */
  readonly useSystemPicker: boolean;
  readonly loopbackAudioSupported: boolean;
  /** Told which source was granted, so the presenter overlay knows its display. */
  readonly onGranted?: (source: Pick<CaptureSource, 'id' | 'kind' | 'displayId'>) => void;
  readonly timeoutMs?: number;
  readonly log?: (message: string) => void;
}

interface PendingRequest {
  readonly id: string;
  readonly owner: CaptureOwner;
  /** The page asked for audio too; system sound is only ever added to such a request. */
  readonly audioRequested: boolean;
  readonly callback: DisplayMediaCallback;
  readonly stopWatchingOwner: Unsubscribe;
  readonly timer: ReturnType<typeof setTimeout>;
  /** The sources last offered to the user: an answer must pick one of them. */
  offered: Map<string, CaptureSource>;
}

export class CaptureAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureAccessError';
  }
}

function toSource(source: Awaited<ReturnType<DesktopCapturer['getSources']>>[number]): CaptureSource {
  const kind = source.id.startsWith('screen:') ? 'screen' : 'window';
  const thumbnail = source.thumbnail && !source.thumbnail.isEmpty() ? source.thumbnail.toDataURL() : null;
  const appIcon = source.appIcon && !source.appIcon.isEmpty() ? source.appIcon.toDataURL() : null;
  return { id: source.id, kind, name: source.name, thumbnail, appIcon, displayId: source.display_id };
}

/** With PipeWire, getSources shows the portal's picker and returns what the user chose; ours never opens. */
function grantFromSystemPicker(options: DisplayMediaQueueOptions, callback: DisplayMediaCallback): void {
  const grant = async () => {
    const [chosen] = await options.desktopCapturer.getSources({ types: ['screen', 'window'] });
    if (!chosen) return callback(null);
    const source = toSource(chosen);
    options.onGranted?.(source);
    callback({ video: { id: source.id, name: source.name } });
  };
  grant().catch((error: unknown) => {
    options.log?.(`system picker failed: ${String(error)}`);
    callback(null);
  });
}

/** A request waiting for its picker, ended by `end` when its window goes away or its time runs out. */
function openRequest(
  id: string,
  owner: CaptureOwner,
  audioRequested: boolean,
  callback: DisplayMediaCallback,
  timeoutMs: number,
  end: (reason: 'window-closed' | 'timed-out') => void,
): PendingRequest {
  return {
    id,
    owner,
    audioRequested,
    callback,
    offered: new Map(),
    stopWatchingOwner: owner.onClosed(() => end('window-closed')),
    timer: setTimeout(() => end('timed-out'), timeoutMs),
  };
}

/**
 * getDisplayMedia requests waiting for the user's choice. Each gets an id
 * and belongs to the window that made it; the window's picker lists and
 * answers through IPC, and nobody else may. Closing the window or letting
 * the timeout run out rejects the request.
 */
export function createDisplayMediaQueue(options: DisplayMediaQueueOptions) {
  const pending = new Map<string, PendingRequest>();
  const timeoutMs = options.timeoutMs ?? CAPTURE_REQUEST_TIMEOUT_MS;
  let sequence = 0;

  function settle(request: PendingRequest, streams: Streams | null, reason: CaptureEnded['reason']): void {
    if (!pending.delete(request.id)) return;
    clearTimeout(request.timer);
    request.stopWatchingOwner();
    request.callback(streams);
    if (reason !== 'window-closed') request.owner.ended({ requestId: request.id, reason });
  }

  function ownedRequest(frame: RequestingFrame, requestId: string): PendingRequest {
    const request = pending.get(requestId);
    if (!request) throw new CaptureAccessError(`no pending screen-share request ${requestId}`);
    if (options.ownerOf(frame)?.id !== request.owner.id) {
      throw new CaptureAccessError('only the window that asked to share its screen may answer');
    }
    return request;
  }

  return {
    /** The `setDisplayMediaRequestHandler` handler. */
    handleRequest(request: DisplayMediaRequest, callback: DisplayMediaCallback): void {
      const owner = request.frame ? options.ownerOf(request.frame) : null;
      if (!owner || !options.isAllowedOrigin(request.securityOrigin)) {
        options.log?.(`screen capture refused to ${request.securityOrigin || 'a detached frame'}`);
        return callback(null);
      }
      if (options.useSystemPicker) return grantFromSystemPicker(options, callback);
      // One picker per window: a new request replaces an older one still open.
      for (const older of pending.values()) if (older.owner.id === owner.id) settle(older, null, 'superseded');
      sequence += 1;
      const id = `capture-${sequence}`;
      const end = (reason: CaptureEnded['reason']) => {
        const current = pending.get(id);
        if (current) settle(current, null, reason);
      };
      pending.set(id, openRequest(id, owner, request.audioRequested, callback, timeoutMs, end));
      owner.requested({
        requestId: id,
        audioRequested: request.audioRequested,
        loopbackAudioSupported: options.loopbackAudioSupported,
      });
    },

    /** Screens and windows for the picker; called again while it stays open to refresh thumbnails. */
    async listSources(frame: RequestingFrame, requestId: string): Promise<CaptureSource[]> {
      const request = ownedRequest(frame, requestId);
      const sources = (
        await options.desktopCapturer.getSources({ types: ['screen', 'window'], thumbnailSize: THUMBNAIL_SIZE, fetchWindowIcons: true })
      ).map(toSource);
      if (pending.has(requestId)) request.offered = new Map(sources.map((source) => [source.id, source]));
      return sources;
    },

    /** Completes the request with the chosen source, or cancels it. */
    answer(frame: RequestingFrame, requestId: string, choice: CaptureChoice | null): void {
      const request = ownedRequest(frame, requestId);
      if (!choice) return settle(request, null, 'answered');
      const source = request.offered.get(choice.sourceId);
      if (!source) throw new CaptureAccessError('that source was not offered to this picker');
      const audio = choice.shareAudio && options.loopbackAudioSupported && request.audioRequested ? { audio: 'loopback' as const } : {};
      options.onGranted?.(source);
      settle(request, { video: { id: source.id, name: source.name }, ...audio }, 'answered');
    },

    get pendingCount(): number {
      return pending.size;
    },
  };
}
