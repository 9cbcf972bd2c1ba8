import type { Bounds } from '../../../../shared/board/geometry.js';
import type { BoardEditor } from '../board-editor.js';
import type { BoardViewStore } from '../board-view-store.js';
import { HiddenItems } from '../hidden-items.js';
import { paintLiveStrokes } from '../live-strokes.js';
import type { BoardTool } from '../tools/board-tool.js';
import { paintPeerSelections, paintSelectionBox } from './selection-overlay.js';
import { TileLayer } from './tile-layer.js';

export interface RenderSources {
  readonly editor: BoardEditor;
  readonly view: BoardViewStore;
  /** The tool whose gesture is in progress, whose preview goes over the cached layer. */
  activeTool(): BoardTool | null;
  /** Whether a zoom is under way: the tiles painted are scaled until it pauses (or they are too blurred). */
  zooming(): boolean;
}

/**
 * Paints the board's canvas once per animation frame when asked: the tiles
 * of committed items in view, then the interactive overlay (the
 * gesture's preview, the selection, what peers selected) on top.
 */
export class BoardRenderer {
  readonly hidden: HiddenItems;
  private readonly context: CanvasRenderingContext2D;
  private readonly layer: TileLayer;
  private frameRequested = false;
  private pixelRatio = 1;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly sources: RenderSources,
  ) {
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    this.context = context;
    this.hidden = new HiddenItems(sources.editor.scene, (bounds) => this.invalidate(bounds));
    this.layer = new TileLayer(sources.editor.scene, this.hidden);
  }

  /** Marks a region (board units) of the tiles for repainting; null repaints them all. */
  invalidate(bounds: Bounds | null): void {
    this.layer.invalidate(bounds);
    this.requestFrame();
  }

  requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.paint();
    });
  }

  /** Sizes the canvas to its box at the screen's pixel ratio, and tells the view. */
  resize(): void {
    const rect = this.canvas.getBoundingClientRect();
    this.pixelRatio = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(rect.width * this.pixelRatio));
    this.canvas.height = Math.max(1, Math.round(rect.height * this.pixelRatio));
    this.sources.view.setState({ size: { width: rect.width, height: rect.height } });
    // Tiles do not depend on the canvas's size: the next frame composes them anew.
    this.requestFrame();
  }

  private paint(): void {
    const { camera, size } = this.sources.view.getState();
    if (size.width === 0 || size.height === 0) return;
    const { context, pixelRatio: ratio } = this;
    const pending = this.layer.draw(context, camera, size, ratio, this.sources.zooming());
    if (pending) this.requestFrame();
    // For whoever waits for the board to be fully shown (tests, benchmarks): every tile in view is sharp.
    const painted = this.layer.sharp ? 'complete' : 'partial';
    if (this.canvas.dataset.painted !== painted) this.canvas.dataset.painted = painted;
    const boardScale = camera.zoom * ratio;
    context.setTransform(boardScale, 0, 0, boardScale, -camera.x * boardScale, -camera.y * boardScale);
    this.paintOverlay(camera.zoom);
  }

  private paintOverlay(zoom: number): void {
    const { context } = this;
    const { editor, view } = this.sources;
    const tool = this.sources.activeTool();
    tool?.preview(context, zoom);
    const bounds = tool?.coversSelection() ? null : editor.selectionBounds();
    if (bounds) paintSelectionBox(context, bounds, zoom);
    const { peers } = view.getState();
    paintLiveStrokes(context, peers.flatMap((peer) => (peer.drawing ? [peer.drawing] : [])), editor.scene);
    paintPeerSelections(context, peers, editor.scene, zoom);
  }
}
