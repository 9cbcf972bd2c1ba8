import { createStore } from 'zustand/vanilla';
import type { ShellBridge } from '../../../shared/bridge.js';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import { EMPTY_OVERLAY } from '../../../shared/desktop/overlay.js';
import { colorForName } from '../board/board-session.js';
import type { CallState, CallStore } from '../call/call-store.js';
import { screenFeedId } from '../call/feed-labels.js';
import { drawAnnotation, paintOrder, toOverlayContent } from './annotation-render.js';
import { annotationRoomName, openAnnotationSession, type AnnotationRole, type AnnotationSession } from './annotation-session.js';
import { createFrameKeeper, type FrameKeeper } from './frame-keeper.js';

export const ANNOTATION_TOOLS = ['pen', 'highlighter', 'arrow', 'rectangle', 'text', 'laser'] as const;
export type AnnotationTool = (typeof ANNOTATION_TOOLS)[number];

export interface OpenShare {
  readonly session: AnnotationSession;
  readonly frames: FrameKeeper;
  /** Who shares: a viewer's label, and the PNG's name. */
  readonly presenterName: string;
}

/** A share that ended: its last frame with the marks on it, until the user saves or dismisses it. */
export interface EndedShare {
  readonly feedId: string;
  readonly presenterName: string;
  /** An object URL of the PNG; null when no frame was ever decoded. */
  readonly pngUrl: string | null;
}

export interface AnnotationHostState {
  readonly shares: Readonly<Record<string, OpenShare>>;
  readonly ended: readonly EndedShare[];
  readonly tool: AnnotationTool;
  readonly color: string;
}

/** The overlay is redrawn at most this often while people draw: smooth, and light on IPC. */
const OVERLAY_INTERVAL_MS = 33;

interface WantedShare {
  readonly role: AnnotationRole;
  readonly presenterName: string;
}

/** The shares running now, by screen feed id: our own, and every remote screen feed that publishes. */
function wantedShares(state: CallState): Map<string, WantedShare> {
  const wanted = new Map<string, WantedShare>();
  if (state.localScreen && state.selfId) wanted.set(screenFeedId(state.selfId), { role: 'presenter', presenterName: state.displayName });
  for (const participant of Object.values(state.roster)) {
    if (participant.screenOf === null || !participant.publishing) continue;
    wanted.set(participant.id, { role: 'viewer', presenterName: state.roster[participant.screenOf]?.displayName ?? participant.displayName });
  }
  return wanted;
}

/** The last frame with every mark drawn on it, at the shared resolution. */
async function renderPng(share: OpenShare): Promise<string | null> {
  const frame = share.frames.lastFrame();
  if (!frame) return null;
  const canvas = document.createElement('canvas');
  canvas.width = frame.width;
  canvas.height = frame.height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(frame, 0, 0);
  const rect = { x: 0, y: 0, width: frame.width, height: frame.height };
  for (const read of paintOrder(share.session.store.getState().items.values())) drawAnnotation(context, rect, read);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? URL.createObjectURL(blob) : null;
}

/**
 * Follows the call: opens an annotation session when a share starts (as
 * presenter for our own, as viewer for others'), feeds the presenter's
 * overlay, and when a share ends keeps its last annotated frame for saving
 * and ends the session.
 */
export function createAnnotationHost(options: { calls: CallStore; config: RuntimeConfig; bridge: Pick<ShellBridge, 'updateOverlay'> }) {
  const { calls, config, bridge } = options;
  const store = createStore<AnnotationHostState>()(() => ({ shares: {}, ended: [], tool: 'pen', color: '#e11d48' }));
  const stops = new Map<string, () => void>();
  /** Shares waiting for an earlier session of the same room to be let go of. */
  const opening = new Set<string>();
  let destroyed: Promise<unknown> = Promise.resolve();

  const feedOverlay = (share: OpenShare, frameSize: () => { width: number; height: number }): (() => void) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const send = (): void => {
      timer = null;
      const { items, annotators, allowed } = share.session.store.getState();
      const lasers = allowed ? annotators : annotators.filter((annotator) => annotator.self);
      void bridge.updateOverlay(toOverlayContent(items.values(), lasers, frameSize())).catch(() => undefined);
    };
    const unsubscribe = share.session.store.subscribe(() => {
      timer ??= setTimeout(send, OVERLAY_INTERVAL_MS);
    });
    send();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      void bridge.updateOverlay(EMPTY_OVERLAY).catch(() => undefined);
    };
  };

  const open = (feedId: string, wanted: WantedShare, state: CallState): void => {
    const user = { name: state.displayName, color: colorForName(state.displayName) };
    const session = openAnnotationSession({ roomName: annotationRoomName(state.room ?? '', feedId), role: wanted.role, config, user });
    const share: OpenShare = { session, frames: createFrameKeeper(), presenterName: wanted.presenterName };
    if (wanted.role === 'presenter') {
      const frameSize = () => {
        const settings = calls.getState().localScreen?.getSettings();
        return { width: settings?.width ?? 1920, height: settings?.height ?? 1080 };
      };
      stops.set(feedId, feedOverlay(share, frameSize));
    }
    store.setState((current) => ({ shares: { ...current.shares, [feedId]: share } }));
  };

  const close = (feedId: string): void => {
    const share = store.getState().shares[feedId];
    if (!share) return;
    stops.get(feedId)?.();
    stops.delete(feedId);
    const { [feedId]: _closed, ...rest } = store.getState().shares;
    store.setState({ shares: rest });
    // The frame and the marks are read before the session ends; the PNG is encoded after.
    const png = renderPng(share);
    share.frames.destroy();
    destroyed = Promise.all([destroyed, share.session.destroy()]);
    void png.then((pngUrl) => {
      store.setState((current) => ({ ended: [...current.ended.filter((entry) => entry.feedId !== feedId), { feedId, presenterName: share.presenterName, pngUrl }] }));
    });
  };

  const follow = (state: CallState): void => {
    // Through a reconnect the roster is rebuilt: shares are kept until the call settles.
    if (state.phase === 'reconnecting' || state.phase === 'joining') return;
    const wanted = state.phase === 'in-call' ? wantedShares(state) : new Map<string, WantedShare>();
    for (const feedId of Object.keys(store.getState().shares)) if (!wanted.has(feedId)) close(feedId);
    for (const feedId of wanted.keys()) {
      if (store.getState().shares[feedId] || opening.has(feedId)) continue;
      // A share that ended and came back reuses its room: join it only after the old session left.
      opening.add(feedId);
      void destroyed.then(() => {
        opening.delete(feedId);
        const now = calls.getState();
        const still = now.phase === 'in-call' ? wantedShares(now).get(feedId) : undefined;
        if (still && !store.getState().shares[feedId]) openSafely(feedId, still, now);
      });
    }
  };
  // Runs inside the call engine's state updates: a failure here must not break the call.
  const reportFailure = (error: unknown): void => console.error(`Annotations: ${error instanceof Error ? error.message : String(error)}`);
  const openSafely = (feedId: string, wanted: WantedShare, state: CallState): void => {
    try {
      open(feedId, wanted, state);
    } catch (error) {
      reportFailure(error);
    }
  };
  const followSafely = (state: CallState): void => {
    try {
      follow(state);
    } catch (error) {
      reportFailure(error);
    }
  };
  const unsubscribe = calls.subscribe(followSafely);
  followSafely(calls.getState());

  return {
    store,
    setTool: (tool: AnnotationTool): void => store.setState({ tool }),
    setColor: (color: string): void => store.setState({ color }),
    dismissEnded(feedId: string): void {
      const entry = store.getState().ended.find((ended) => ended.feedId === feedId);
      if (entry?.pngUrl) URL.revokeObjectURL(entry.pngUrl);
      store.setState((current) => ({ ended: current.ended.filter((ended) => ended.feedId !== feedId) }));
    },
    destroy(): void {
      unsubscribe();
      for (const feedId of Object.keys(store.getState().shares)) close(feedId);
    },
  };
}

export type AnnotationHost = ReturnType<typeof createAnnotationHost>;
