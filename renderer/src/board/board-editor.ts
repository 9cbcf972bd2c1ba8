import type * as Y from 'yjs';
import { newItemId, type BoardModel } from '../../../shared/board/board-doc.js';
import { cornerBounds, IDENTITY_PLACEMENT, placeItem, unionBounds, type Bounds, type Placement } from '../../../shared/board/geometry.js';
import { encodePoints, MAX_STROKE_POINTS, type StrokePoint } from '../../../shared/board/points.js';
import type { BoardItem, ReadItem, ShapeKind, Style } from '../../../shared/board/schema.js';
import { HIGHLIGHTER_OPACITY, type InkTool } from '../ink/stroke-outline.js';
import type { BoardViewStore } from './board-view-store.js';
import type { Scene } from './scene.js';

/** What editing needs of an open board: its document and this user's undo history. */
export interface EditableBoard {
  readonly model: BoardModel;
  readonly undo: Y.UndoManager;
}

/** Typed text is cut at this length, the schema's bound. */
const MAX_TEXT_LENGTH = 5_000;
/** Text is set larger than lines of the same width: a 4 px pen writes 16 px text. */
const TEXT_SIZE_PER_WIDTH = 4;
const MIN_TEXT_SIZE = 8;
/** A highlighter is this many times wider than a pen of the chosen width. */
const HIGHLIGHTER_WIDTH_FACTOR = 4;

/**
 * The board's editing commands and selection, without DOM: every change to
 * the document goes through here, one user action to one undo step. Tools
 * and shortcuts call these; tests drive them against a real document.
 */
export class BoardEditor {
  constructor(
    private readonly board: EditableBoard,
    readonly scene: Scene,
    private readonly view: BoardViewStore,
  ) {}

  /** The style new ink gets, from the chosen tool, colour and width. */
  style(): Style {
    const { color, width, tool } = this.view.getState();
    const highlighter = tool === 'highlighter';
    return { color, width: highlighter ? width * HIGHLIGHTER_WIDTH_FACTOR : width, opacity: highlighter ? HIGHLIGHTER_OPACITY : 1 };
  }

  /** One user action, one undo step. */
  private commit(action: () => void): void {
    this.board.undo.stopCapturing();
    action();
    this.board.undo.stopCapturing();
  }

  put(items: readonly BoardItem[]): void {
    this.commit(() => this.board.model.put(items));
  }

  /** An import: one undo step, items validated by the reader. */
  importItems(reads: readonly ReadItem[]): void {
    this.commit(() => this.board.model.putRead(reads));
  }

  remove(ids: Iterable<string>): void {
    this.commit(() => this.board.model.remove(ids));
  }

  undo(): void {
    this.board.undo.undo();
  }

  redo(): void {
    this.board.undo.redo();
  }

  /** A finished pen or highlighter stroke: a single click leaves a dot; very long strokes are split at the per-stroke point limit. */
  /** `firstId` is the id peers saw the stroke under while it was drawn. */
  addStroke(tool: InkTool, points: readonly StrokePoint[], hasPressure: boolean, firstId = newItemId()): void {
    const style = this.style();
    const items: BoardItem[] = [];
    let z = this.scene.nextZ();
    const all = points.length === 1 ? [points[0] as StrokePoint, points[0] as StrokePoint] : points;
    for (let start = 0; start < all.length; start += MAX_STROKE_POINTS - 1) {
      const part = all.slice(start, start + MAX_STROKE_POINTS);
      if (part.length < 2 && start > 0) break;
      items.push({ id: start === 0 ? firstId : newItemId(), type: 'stroke', tool, z, style, points: encodePoints(part, hasPressure) });
      z += 1;
    }
    this.put(items);
  }

  addShape(kind: ShapeKind, corners: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }): void {
    const { x1, y1, x2, y2 } = corners;
    this.put([{ id: newItemId(), type: 'shape', kind, z: this.scene.nextZ(), style: this.style(), x1, y1, x2, y2 }]);
  }

  /** Places typed text where its draft was opened; a newer draft (a click elsewhere) stays open. */
  commitText(text: string, draft: { readonly x: number; readonly y: number }): void {
    if (this.view.getState().textDraft === draft) this.view.setState({ textDraft: null });
    const trimmed = text.trimEnd().slice(0, MAX_TEXT_LENGTH);
    if (trimmed.trim() === '') return;
    const { color, width } = this.view.getState();
    const style = { color, width: Math.max(MIN_TEXT_SIZE, width * TEXT_SIZE_PER_WIDTH), opacity: 1 };
    this.put([{ id: newItemId(), type: 'text', x: draft.x, y: draft.y, z: this.scene.nextZ(), text: trimmed, style }]);
  }

  // ---- selection ----------------------------------------------------------

  get selection(): readonly string[] {
    return this.view.getState().selection;
  }

  select(ids: readonly string[]): void {
    this.view.setState({ selection: ids });
  }

  /** Adds `ids` to the selection (a shift-click, a shift-drag), or replaces it. */
  extendSelection(ids: readonly string[], additive: boolean): void {
    this.select(additive ? [...new Set([...this.selection, ...ids])] : ids);
  }

  /** Everything on the board, with the select tool to act on it. */
  selectAll(): void {
    this.view.setState({ tool: 'select', selection: [...this.scene.items.keys()] });
  }

  /** The ids of the items inside the box two corners span. */
  itemsWithin(corners: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }): string[] {
    return this.scene.query(cornerBounds(corners)).map((read) => read.item.id);
  }

  selectionBounds(): Bounds | null {
    let bounds: Bounds | null = null;
    for (const id of this.selection) {
      const itemBounds = this.scene.boundsOf(id);
      if (itemBounds) bounds = unionBounds(bounds, itemBounds);
    }
    return bounds;
  }

  deleteSelection(): void {
    const { selection } = this;
    if (selection.length === 0) return;
    this.remove(selection);
    this.select([]);
  }

  /** Moves and scales the selected items; a placement that changes nothing writes nothing. */
  placeSelection(placement: Placement): void {
    if (placement === IDENTITY_PLACEMENT) return;
    if (placement.dx === 0 && placement.dy === 0 && placement.scaleX === 1 && placement.scaleY === 1) return;
    const placed = this.selection
      .map((id) => this.scene.items.get(id))
      .filter((read) => read !== undefined)
      .map((read) => placeItem(read, placement));
    this.put(placed);
  }

  /**
   * Keeps the view in step with the document: the item count, undo and redo
   * availability, and a selection without items others deleted.
   */
  track(): () => void {
    const { scene, view, board } = this;
    const unsubscribe = scene.subscribe(() => {
      const selection = this.selection.filter((id) => scene.items.has(id));
      view.setState({ itemCount: scene.size, ...(selection.length !== this.selection.length ? { selection } : {}) });
    });
    const undoChanged = (): void => view.setState({ canUndo: board.undo.canUndo(), canRedo: board.undo.canRedo() });
    const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
    for (const event of events) board.undo.on(event, undoChanged);
    view.setState({ itemCount: scene.size });
    return () => {
      unsubscribe();
      for (const event of events) board.undo.off(event, undoChanged);
    };
  }
}
