import { createStore } from 'zustand/vanilla';
import type { ShellBridge, Unsubscribe } from '../../../shared/bridge.js';
import type { CaptureRequested, CaptureSource } from '../../../shared/desktop/capture.js';

/** Windows open and close, and thumbnails go stale: the picker asks again this often while it is open. */
export const SOURCE_REFRESH_MS = 2000;

export type CaptureTab = 'screen' | 'window';

export interface CapturePickerState {
  readonly request: CaptureRequested | null;
  readonly sources: readonly CaptureSource[];
  readonly tab: CaptureTab;
  readonly selectedId: string | null;
  readonly shareAudio: boolean;
  readonly error: string | null;
}

const closed: CapturePickerState = { request: null, sources: [], tab: 'screen', selectedId: null, shareAudio: false, error: null };

export function sourcesOn(tab: CaptureTab, sources: readonly CaptureSource[]): readonly CaptureSource[] {
  return sources.filter((source) => source.kind === tab);
}

/**
 * Arrow keys move through the grid of tiles (left/right by one, up/down by
 * a row), Home and End jump to the ends. Returns the id to select.
 */
export function moveSelection(ids: readonly string[], selectedId: string | null, key: string, columns: number): string | null {
  if (ids.length === 0) return null;
  const index = selectedId === null ? -1 : ids.indexOf(selectedId);
  const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns };
  let next: number;
  if (key === 'Home') next = 0;
  else if (key === 'End') next = ids.length - 1;
  else if (key in step) next = index < 0 ? 0 : Math.min(ids.length - 1, Math.max(0, index + (step[key] ?? 0)));
  else return selectedId;
  return ids[next] ?? null;
}

type PickerBridge = Pick<ShellBridge, 'onCaptureRequested' | 'onCaptureEnded' | 'listCaptureSources' | 'answerCapture'>;

/**
 * The in-app screen picker's state and actions. The main process opens it
 * for a pending getDisplayMedia request; the user's choice (or cancel)
 * completes that request.
 */
export function createCapturePicker(bridge: PickerBridge, options: { readonly refreshMs?: number } = {}) {
  const store = createStore<CapturePickerState>()(() => closed);
  let timer: ReturnType<typeof setInterval> | null = null;

  const stopRefreshing = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  const close = () => {
    stopRefreshing();
    store.setState(closed);
  };

  async function refresh(requestId: string): Promise<void> {
    try {
      const sources = await bridge.listCaptureSources(requestId);
      const state = store.getState();
      if (state.request?.requestId !== requestId) return;
      // Keep the selection while its source exists; otherwise the first of the tab (or of any tab).
      const stillThere = sources.some((source) => source.id === state.selectedId);
      const tab = state.selectedId === null && sourcesOn(state.tab, sources).length === 0 && sources.length > 0 ? (sources[0]?.kind ?? state.tab) : state.tab;
      const selectedId = stillThere ? state.selectedId : (sourcesOn(tab, sources)[0]?.id ?? null);
      store.setState({ sources, tab, selectedId, error: null });
    } catch (error) {
      if (store.getState().request?.requestId === requestId) {
        store.setState({ error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  const stops: Unsubscribe[] = [
    bridge.onCaptureRequested((request) => {
      stopRefreshing();
      store.setState({ ...closed, request });
      void refresh(request.requestId);
      timer = setInterval(() => void refresh(request.requestId), options.refreshMs ?? SOURCE_REFRESH_MS);
    }),
    bridge.onCaptureEnded((ended) => {
      if (store.getState().request?.requestId === ended.requestId) close();
    }),
  ];

  async function answer(choose: boolean): Promise<void> {
    const { request, selectedId, shareAudio } = store.getState();
    if (!request) return;
    if (choose && selectedId === null) return;
    close();
    await bridge.answerCapture(request.requestId, choose && selectedId !== null ? { sourceId: selectedId, shareAudio } : null);
  }

  return {
    store,
    setTab(tab: CaptureTab): void {
      const { sources, selectedId } = store.getState();
      const keep = sourcesOn(tab, sources).some((source) => source.id === selectedId);
      store.setState({ tab, selectedId: keep ? selectedId : (sourcesOn(tab, sources)[0]?.id ?? null) });
    },
    select(sourceId: string): void {
      store.setState({ selectedId: sourceId });
    },
    setShareAudio(shareAudio: boolean): void {
      store.setState({ shareAudio });
    },
    share: () => answer(true),
    cancel: () => answer(false),
    dispose(): void {
      close();
      stops.forEach((stop) => stop());
    },
  };
}

export type CapturePicker = ReturnType<typeof createCapturePicker>;
