import { createStore } from 'zustand/vanilla';

/** Whether the diagnostics panel is open: its toggle sits in the app's header, the panel floats above the page. */
export interface DiagnosticsViewState {
  readonly open: boolean;
}

export type DiagnosticsView = ReturnType<typeof createDiagnosticsView>;

export function createDiagnosticsView() {
  return createStore<DiagnosticsViewState>()(() => ({ open: false }));
}

export function toggleDiagnostics(view: DiagnosticsView): void {
  view.setState((state) => ({ open: !state.open }));
}
