import type { ReadItem, Tool } from '../../../shared/board/schema.js';
import { BoardEditor, type EditableBoard } from './board-editor.js';
import { BoardNavigation } from './board-navigation.js';
import type { BoardViewStore } from './board-view-store.js';
import { BoardKeyboard } from './input/board-keyboard.js';
import { BoardPointerInput } from './input/pointer-input.js';
import type { BoardAwarenessPublisher } from './board-awareness.js';
import { encodeLiveStroke } from './live-strokes.js';
import { BoardRenderer } from './render/board-renderer.js';
import type { Scene } from './scene.js';
import type { BoardTool } from './tools/board-tool.js';
import { TOOL_REGISTRY } from './tools/tool-registry.js';

/**
 * The board on its canvas, composed for BoardPanel: editing commands,
 * navigation, tools, input and rendering, each its own part, wired here to
 * the view store, the scene and awareness.
 */
export class BoardController {
  private readonly editor: BoardEditor;
  private readonly navigation: BoardNavigation;
  private readonly renderer: BoardRenderer;
  private readonly pointer: BoardPointerInput;
  private readonly keyboard: BoardKeyboard;
  private readonly tools = new Map<Tool, BoardTool>();
  private readonly cleanup: Array<() => void> = [];

  constructor(
    canvas: HTMLCanvasElement,
    board: EditableBoard,
    scene: Scene,
    private readonly view: BoardViewStore,
    private readonly awareness: BoardAwarenessPublisher,
    options: { readonly ownsKeyboard: boolean },
  ) {
    const editor = new BoardEditor(board, scene, view);
    this.editor = editor;
    const navigation = new BoardNavigation(view, scene, {
      viewport: (region) => awareness.viewport(region),
      moved: () => this.renderer.requestFrame(),
      settled: () => this.renderer.requestFrame(),
    });
    this.navigation = navigation;
    this.renderer = new BoardRenderer(canvas, { editor, view, activeTool: () => this.pointer.activeTool, zooming: () => navigation.zooming });
    this.keyboard = new BoardKeyboard(canvas, { editor, navigation, view, cancelGesture: () => this.pointer.cancel() }, options.ownsKeyboard);
    this.pointer = new BoardPointerInput(canvas, {
      navigation,
      spaceHeld: () => this.keyboard.spaceHeld,
      tool: () => this.tool(view.getState().tool),
      cursor: (point) => awareness.cursor(point),
      requestFrame: () => this.renderer.requestFrame(),
    });
    const resize = new ResizeObserver(() => this.resize());
    resize.observe(canvas);
    this.cleanup.push(
      () => resize.disconnect(),
      () => this.pointer.destroy(),
      () => this.keyboard.destroy(),
      () => navigation.destroy(),
      scene.subscribe((dirty) => this.renderer.invalidate(dirty)),
      editor.track(),
      view.subscribe((state, previous) => {
        if (state.following !== null && (state.peers !== previous.peers || state.following !== previous.following)) navigation.followPeer();
        if (state.selection !== previous.selection) {
          awareness.selection(state.selection);
          this.renderer.requestFrame();
        }
        if (state.tool !== previous.tool) this.pointer.cancel();
        if (state.peers !== previous.peers) this.renderer.requestFrame();
      }),
    );
    this.resize();
  }

  destroy(): void {
    for (const dispose of this.cleanup.splice(0)) dispose();
  }

  importItems(reads: readonly ReadItem[]): void {
    this.editor.importItems(reads);
  }

  undo(): void {
    this.editor.undo();
  }

  redo(): void {
    this.editor.redo();
  }

  commitText(text: string, draft: { x: number; y: number }): void {
    this.editor.commitText(text, draft);
  }

  /** Each tool is made on first use and keeps no state between gestures. */
  private tool(name: Tool): BoardTool {
    let tool = this.tools.get(name);
    if (!tool) {
      tool = TOOL_REGISTRY[name].create({
        editor: this.editor,
        view: this.view,
        hidden: this.renderer.hidden,
        zoom: () => this.navigation.camera.zoom,
        live: (stroke) => this.awareness.drawing(stroke && encodeLiveStroke(stroke, this.editor.style())),
      });
      this.tools.set(name, tool);
    }
    return tool;
  }

  private resize(): void {
    this.renderer.resize();
    this.navigation.setCamera(this.navigation.camera, false);
  }
}
