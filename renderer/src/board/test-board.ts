import * as Y from 'yjs';
import { BoardModel } from '../../../shared/board/board-doc.js';
import type { BoardItem, ReadItem } from '../../../shared/board/schema.js';
import { BoardEditor } from './board-editor.js';
import { createBoardViewStore, type BoardViewStore } from './board-view-store.js';
import { HiddenItems } from './hidden-items.js';
import { Scene } from './scene.js';
import type { LiveStrokeDraft } from './live-strokes.js';
import type { BoardPointer, ToolContext } from './tools/board-tool.js';

/** A board on a real document, without canvas or network: what editor and tool tests drive. */
export interface TestBoard extends ToolContext {
  /** What the tools reported as live strokes, in order. */
  readonly lives: Array<LiveStrokeDraft | null>;
  readonly model: BoardModel;
  readonly undo: Y.UndoManager;
  readonly scene: Scene;
  readonly view: BoardViewStore;
  /** Every valid item in the document. */
  items(): BoardItem[];
  read(id: string): ReadItem | null;
}

export function createTestBoard(zoom = 1): TestBoard {
  const model = new BoardModel(new Y.Doc());
  const undo = model.createUndoManager();
  const scene = new Scene(model);
  const view = createBoardViewStore();
  view.setState({ camera: { x: 0, y: 0, zoom } });
  const editor = new BoardEditor({ model, undo }, scene, view);
  const live: Array<LiveStrokeDraft | null> = [];
  return {
    lives: live,
    model,
    undo,
    scene,
    view,
    editor,
    hidden: new HiddenItems(scene, () => undefined),
    zoom: () => view.getState().camera.zoom,
    // The tool goes on adding to its points: keep each report as it was.
    live: (stroke) => live.push(stroke && { ...stroke, points: [...stroke.points] }),
    items: () => [...model.readAll().values()].map((read) => read.item),
    read: (id) => model.read(id),
  };
}

/** A mouse sample at a board point. */
export function pointer(x: number, y: number, options: Partial<BoardPointer> = {}): BoardPointer {
  return { x, y, pressure: 0.5, pointerType: 'mouse', shiftKey: false, ...options };
}
