import type { BoardEditor } from '../board-editor.js';
import type { BoardViewStore } from '../board-view-store.js';
import type { HiddenItems } from '../hidden-items.js';
import type { LiveStrokeDraft } from '../live-strokes.js';

/** A pointer sample in board coordinates, with what tools read of the event. */
export interface BoardPointer {
  readonly x: number;
  readonly y: number;
  /** 0..1; only a pen reports it. */
  readonly pressure: number;
  readonly pointerType: string;
  readonly shiftKey: boolean;
}

/** What a tool may use: commands and selection, the view, and the items it keeps out of the cached layer. */
export interface ToolContext {
  readonly editor: BoardEditor;
  readonly view: BoardViewStore;
  readonly hidden: HiddenItems;
  /** Screen pixels per board unit now: grab distances are in screen pixels. */
  zoom(): number;
  /** Shows peers the stroke being drawn (read at once: the tool goes on adding points); null when it is finished or cancelled. */
  live(stroke: LiveStrokeDraft | null): void;
}

/**
 * One board tool, after tldraw's tools: a gesture begins on `down`, follows
 * `move` and ends with `up` (commit) or `cancel` (nothing written); `preview`
 * paints what is in progress over the cached layer, in board coordinates.
 */
export interface BoardTool {
  /** Starts a gesture; false when the press did all there was to do and no gesture follows. */
  down(pointer: BoardPointer): boolean;
  /** `samples` are the coalesced pointer positions since the last move, ending at `pointer`. */
  move(pointer: BoardPointer, samples: readonly BoardPointer[]): void;
  up(): void;
  cancel(): void;
  preview(context: CanvasRenderingContext2D, zoom: number): void;
  /** Whether the gesture draws the selection itself, so the selection box is left out meanwhile. */
  coversSelection(): boolean;
  /** Whether the press must not move focus: the text tool opens a draft that takes it. */
  readonly keepsFocus?: boolean;
}

export type ToolFactory = (context: ToolContext) => BoardTool;
