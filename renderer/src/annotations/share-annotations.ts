import { createStore } from 'zustand/vanilla';
import type { CallState, CallStore } from '../call/call-store.js';
import type { DocumentTransport } from '../sync/document-transport.js';
import { userNamed } from '../sync/sync-user.js';
import { renderAnnotatedFrame } from './annotated-frame.js';
import type { AnnotationTool } from './annotation-tools.js';
import { annotationRoomName, openAnnotationSession, type AnnotationSession } from './annotation-session.js';
import { wantedShares, type WantedShare } from './call-shares.js';
import { createFrameKeeper, type FrameKeeper } from './frame-keeper.js';
import { feedPresenterOverlay, type OverlayBridge } from './presenter-overlay.js';

export interface OpenShare {
  readonly session: AnnotationSession;
  readonly frames: FrameKeeper;
  /** Who shares: a viewer's label, and the PNG's name. */
  readonly presenterName: string;
  /** Stops what the share feeds besides its layer (the presenter's overlay). */
  readonly stop: () => void;
}

/** A share that ended: its last frame with the marks on it, until the user saves or dismisses it. */
export interface EndedShare {
  readonly feedId: string;
  readonly presenterName: string;
  /** An object URL of the PNG; null when no frame was ever decoded. */
  readonly pngUrl: string | null;
}

export interface ShareAnnotationsState {
  readonly shares: Readonly<Record<string, OpenShare>>;
  readonly ended: readonly EndedShare[];
  readonly tool: AnnotationTool;
  readonly color: string;
}

interface ShareAnnotationsOptions {
  readonly calls: CallStore;
  readonly transport: DocumentTransport;
  readonly bridge: OverlayBridge;
}

/** Joins one share's annotation room: as presenter for our own share (which also feeds the overlay), as viewer for others'. */
function openShare(feedId: string, wanted: WantedShare, state: CallState, { calls, transport, bridge }: ShareAnnotationsOptions): OpenShare {
  const user = userNamed(state.displayName);
  const session = openAnnotationSession({ roomName: annotationRoomName(state.room ?? '', feedId), role: wanted.role, transport, user });
  const frameSize = () => {
    const settings = calls.getState().localScreen?.getSettings();
    return { width: settings?.width ?? 1920, height: settings?.height ?? 1080 };
  };
  const stop = wanted.role === 'presenter' ? feedPresenterOverlay(session, bridge, frameSize) : () => undefined;
  return { session, frames: createFrameKeeper(), presenterName: wanted.presenterName, stop };
}

/** Runs inside the call engine's state updates: a failure here must not break the call. */
function reportingFailure<T extends unknown[]>(run: (...args: T) => void): (...args: T) => void {
  return (...args) => {
    try {
      run(...args);
    } catch (error) {
      console.error(`Annotations: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/**
 * Follows the call's screen shares: opens an annotation session when a
 * share starts, and when a share ends keeps its last annotated frame for
 * saving and ends the session.
 */
export function createShareAnnotations(options: ShareAnnotationsOptions) {
  const { calls } = options;
  const store = createStore<ShareAnnotationsState>()(() => ({ shares: {}, ended: [], tool: 'pen', color: '#e11d48' }));
  /** Shares waiting for an earlier session of the same room to be let go of. */
  const opening = new Set<string>();
  let destroyed: Promise<unknown> = Promise.resolve();

  const open = reportingFailure((feedId: string, wanted: WantedShare, state: CallState): void => {
    const share = openShare(feedId, wanted, state, options);
    store.setState((current) => ({ shares: { ...current.shares, [feedId]: share } }));
  });

  const close = (feedId: string): void => {
    const { [feedId]: share, ...rest } = store.getState().shares;
    if (!share) return;
    share.stop();
    store.setState({ shares: rest });
    // The frame and the marks are read before the session ends; the PNG is encoded after.
    const png = renderAnnotatedFrame(share.frames, share.session.store.getState().items.values());
    share.frames.destroy();
    destroyed = Promise.all([destroyed, share.session.destroy()]);
    void png.then((pngUrl) => {
      store.setState((current) => ({ ended: [...current.ended.filter((entry) => entry.feedId !== feedId), { feedId, presenterName: share.presenterName, pngUrl }] }));
    });
  };

  const follow = reportingFailure((state: CallState): void => {
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
        if (still && !store.getState().shares[feedId]) open(feedId, still, now);
      });
    }
  });
  const unsubscribe = calls.subscribe((state) => follow(state));
  follow(calls.getState());

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

export type ShareAnnotations = ReturnType<typeof createShareAnnotations>;
