import { newItemId } from '../../../shared/board/board-doc.js';
import { cornerBounds, hitsItem, IDENTITY_PLACEMENT, intersects, placeItem, unionBounds, type Bounds, type Placement } from '../../../shared/board/geometry.js';
import { encodePoints, MAX_STROKE_POINTS, type StrokePoint } from '../../../shared/board/points.js';
import type { BoardItem, ShapeKind, Style, Tool } from '../../../shared/board/schema.js';
import type { BoardSession } from './board-session.js';
import { clampZoom, PALETTE, WIDTHS, type BoardViewStore, type Camera } from './board-view-store.js';
import { drawItem, HIGHLIGHTER_OPACITY, PathCache, strokeOpacity, strokePathData } from './draw.js';
import type { BoardAwarenessPublisher } from './board-awareness.js';
import type { Scene } from './scene.js';

/** Keyboard shortcut for each tool. */
export const TOOL_KEYS: Readonly<Record<Tool, string>> = {
  select: 'v',
  pen: 'p',
  highlighter: 'h',
  line: 'l',
  arrow: 'a',
  rectangle: 'r',
  ellipse: 'o',
  text: 't',
  eraser: 'e',
};
const TOOL_BY_KEY = new Map(Object.entries(TOOL_KEYS).map(([tool, key]) => [key, tool as Tool]));

/** The cached layer extends this fraction of the viewport beyond each edge, so short pans only move a bitmap. */
const LAYER_MARGIN = 0.5;
/** Repaint the cached layer at the new scale once zooming has paused this long. */
const ZOOM_SETTLE_MS = 150;
/** Items smaller than this on screen are painted as a dot: at 50,000 strokes zoomed out, outlines cost without showing. */
const DETAIL_PIXELS = 2;
/**
 * Strokes smaller than this on screen are painted as a thin polyline through a
 * few of their points, batched by style: building 50,000 perfect-freehand
 * outlines to paint them a few pixels wide took seconds.
 */
const SIMPLE_PIXELS = 24;
const SIMPLE_SEGMENTS = 8;
/** Grab distances in screen pixels. */
const HIT_PIXELS = 6;
const HANDLE_PIXELS = 10;
/** Pen samples closer than this (screen pixels) add size without shape. */
const MIN_SAMPLE_PIXELS = 0.75;

type Gesture =
  | { readonly kind: 'pan'; lastX: number; lastY: number }
  | { readonly kind: 'draw'; readonly tool: 'pen' | 'highlighter'; readonly points: StrokePoint[]; readonly hasPressure: boolean }
  | { readonly kind: 'shape'; readonly shape: ShapeKind; readonly x1: number; readonly y1: number; x2: number; y2: number }
  | { readonly kind: 'erase'; readonly ids: Set<string> }
  | { readonly kind: 'move'; readonly startX: number; readonly startY: number; placement: Placement }
  | { readonly kind: 'resize'; readonly anchorX: number; readonly anchorY: number; readonly startX: number; readonly startY: number; placement: Placement }
  | { readonly kind: 'marquee'; readonly x1: number; readonly y1: number; x2: number; y2: number; readonly additive: boolean };

interface Pinch {
  readonly startDistance: number;
  readonly startZoom: number;
  /** Board point under the fingers' midpoint when the pinch began. */
  readonly anchorX: number;
  readonly anchorY: number;
}

interface Layer {
  readonly canvas: HTMLCanvasElement;
  readonly context: CanvasRenderingContext2D;
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
  /** Size in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Everything that happens on the board's canvas: input, navigation, tools,
 * and painting. Committed items are painted into a cached layer larger than
 * the viewport; a frame copies that layer and draws only what is in
 * progress on top, so panning a large board costs one bitmap copy.
 */
export class BoardController {
  private readonly context: CanvasRenderingContext2D;
  private layer: Layer | null = null;
  private layerDirty: Bounds | null = null;
  private frameRequested = false;
  private gesture: Gesture | null = null;
  private readonly hidden = new Set<string>();
  private readonly touches = new Map<number, { x: number; y: number }>();
  private pinch: Pinch | null = null;
  private spaceHeld = false;
  private zoomSettle: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanup: Array<() => void> = [];
  private pixelRatio = 1;
  /**
   * Whether the board's single-key shortcuts are live. Beside a call, whose
   * own keys (V, H, L…) overlap, the board takes the keyboard only after a
   * click inside it and gives it back on a click elsewhere, like focus.
   */
  private ownsKeyboard: boolean;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly session: BoardSession,
    private readonly scene: Scene,
    private readonly view: BoardViewStore,
    private readonly presence: BoardAwarenessPublisher,
    options: { readonly ownsKeyboard: boolean },
  ) {
    this.ownsKeyboard = options.ownsKeyboard;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    this.context = context;
    this.listen(canvas, 'pointerdown', (event) => this.onPointerDown(event));
    this.listen(canvas, 'pointermove', (event) => this.onPointerMove(event));
    this.listen(canvas, 'pointerup', (event) => this.onPointerUp(event));
    this.listen(canvas, 'pointercancel', (event) => this.onPointerUp(event, true));
    this.listen(canvas, 'pointerleave', () => this.presence.cursor(null));
    this.listen(canvas, 'wheel', (event) => this.onWheel(event), { passive: false });
    this.listen(canvas, 'contextmenu', (event) => event.preventDefault());
    this.listen(window, 'pointerdown', (event) => {
      const board = canvas.closest('[data-testid="board"]') ?? canvas;
      this.ownsKeyboard = event.target instanceof Node && board.contains(event.target);
    }, { capture: true });
    // Capture phase: the board sees its keys before window-level shortcuts and marks the ones it handled.
    this.listen(window, 'keydown', (event) => this.onKeyDown(event), { capture: true });
    this.listen(window, 'keyup', (event) => {
      if (event.key === ' ') this.spaceHeld = false;
    });
    const resize = new ResizeObserver(() => this.resize());
    resize.observe(canvas);
    this.cleanup.push(() => resize.disconnect());
    this.cleanup.push(
      scene.subscribe((dirty) => {
        this.invalidate(dirty);
        const selection = this.view.getState().selection.filter((id) => scene.items.has(id));
        this.view.setState({ itemCount: scene.size, ...(selection.length !== this.view.getState().selection.length ? { selection } : {}) });
      }),
    );
    const undoChanged = (): void => this.view.setState({ canUndo: session.undo.canUndo(), canRedo: session.undo.canRedo() });
    session.undo.on('stack-item-added', undoChanged);
    session.undo.on('stack-item-popped', undoChanged);
    session.undo.on('stack-cleared', undoChanged);
    this.cleanup.push(() => {
      session.undo.off('stack-item-added', undoChanged);
      session.undo.off('stack-item-popped', undoChanged);
      session.undo.off('stack-cleared', undoChanged);
    });
    this.cleanup.push(
      view.subscribe((state, previous) => {
        if (state.following !== null && (state.peers !== previous.peers || state.following !== previous.following)) this.followPeer();
        if (state.selection !== previous.selection) {
          this.presence.selection(state.selection);
          this.requestFrame();
        }
        if (state.tool !== previous.tool) this.cancelGesture();
        if (state.peers !== previous.peers) this.requestFrame();
      }),
    );
    this.view.setState({ itemCount: scene.size });
    this.resize();
  }

  destroy(): void {
    for (const dispose of this.cleanup.splice(0)) dispose();
    if (this.zoomSettle) clearTimeout(this.zoomSettle);
  }

  // ---- editing ----------------------------------------------------------

  private style(): Style {
    const { color, width, tool } = this.view.getState();
    return { color, width: tool === 'highlighter' ? width * 4 : width, opacity: tool === 'highlighter' ? HIGHLIGHTER_OPACITY : 1 };
  }

  /** One user action, one undo step. */
  private commit(action: () => void): void {
    this.session.undo.stopCapturing();
    action();
    this.session.undo.stopCapturing();
  }

  put(items: BoardItem[]): void {
    this.commit(() => this.session.model.put(items));
  }

  deleteSelection(): void {
    const { selection } = this.view.getState();
    if (selection.length === 0) return;
    this.commit(() => this.session.model.remove(selection));
    this.view.setState({ selection: [] });
  }

  undo(): void {
    this.session.undo.undo();
  }

  redo(): void {
    this.session.undo.redo();
  }

  /** Places typed text where its draft was opened; a newer draft (a click elsewhere) stays open. */
  commitText(text: string, draft: { x: number; y: number }): void {
    if (this.view.getState().textDraft === draft) this.view.setState({ textDraft: null });
    const trimmed = text.trimEnd().slice(0, 5_000);
    if (trimmed.trim() === '') return;
    const { color, width } = this.view.getState();
    this.put([{ id: newItemId(), type: 'text', x: draft.x, y: draft.y, z: this.scene.nextZ(), text: trimmed, style: { color, width: Math.max(8, width * 4), opacity: 1 } }]);
  }

  // ---- navigation -------------------------------------------------------

  get camera(): Camera {
    return this.view.getState().camera;
  }

  setCamera(camera: Camera, byUser = true): void {
    const next = { x: camera.x, y: camera.y, zoom: clampZoom(camera.zoom) };
    if (byUser && this.view.getState().following !== null) this.view.setState({ following: null });
    const zoomChanged = next.zoom !== this.camera.zoom;
    this.view.setState({ camera: next });
    const { size } = this.view.getState();
    this.presence.viewport({ x: next.x, y: next.y, width: size.width / next.zoom, height: size.height / next.zoom });
    if (zoomChanged) {
      if (this.zoomSettle) clearTimeout(this.zoomSettle);
      this.zoomSettle = setTimeout(() => {
        this.zoomSettle = null;
        this.layer = null;
        this.requestFrame();
      }, ZOOM_SETTLE_MS);
    }
    this.requestFrame();
  }

  /** Zooms by `factor` keeping the board point under (screenX, screenY) in place. */
  zoomAt(screenX: number, screenY: number, factor: number): void {
    const camera = this.camera;
    const zoom = clampZoom(camera.zoom * factor);
    const boardX = camera.x + screenX / camera.zoom;
    const boardY = camera.y + screenY / camera.zoom;
    this.setCamera({ x: boardX - screenX / zoom, y: boardY - screenY / zoom, zoom });
  }

  zoomCentered(factor: number): void {
    const { size } = this.view.getState();
    this.zoomAt(size.width / 2, size.height / 2, factor);
  }

  panBy(screenDx: number, screenDy: number): void {
    const camera = this.camera;
    this.setCamera({ ...camera, x: camera.x - screenDx / camera.zoom, y: camera.y - screenDy / camera.zoom });
  }

  zoomToFit(): void {
    const extent = this.scene.extent();
    const { size } = this.view.getState();
    if (!extent || size.width === 0) return this.setCamera({ x: 0, y: 0, zoom: 1 });
    const zoom = clampZoom(Math.min(size.width / (extent.maxX - extent.minX + 80), size.height / (extent.maxY - extent.minY + 80), 2));
    this.setCamera({ x: (extent.minX + extent.maxX) / 2 - size.width / 2 / zoom, y: (extent.minY + extent.maxY) / 2 - size.height / 2 / zoom, zoom });
  }

  private followPeer(): void {
    const { following, peers, size } = this.view.getState();
    const viewport = peers.find((peer) => peer.clientId === following)?.viewport;
    if (!viewport || size.width === 0) return;
    const zoom = clampZoom(Math.min(size.width / viewport.width, size.height / viewport.height));
    this.setCamera({ x: viewport.x + viewport.width / 2 - size.width / 2 / zoom, y: viewport.y + viewport.height / 2 - size.height / 2 / zoom, zoom }, false);
  }

  private resize(): void {
    const rect = this.canvas.getBoundingClientRect();
    this.pixelRatio = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(rect.width * this.pixelRatio));
    this.canvas.height = Math.max(1, Math.round(rect.height * this.pixelRatio));
    this.view.setState({ size: { width: rect.width, height: rect.height } });
    this.layer = null;
    this.setCamera(this.camera, false);
  }

  // ---- input ------------------------------------------------------------

  private listen<K extends keyof HTMLElementEventMap>(target: HTMLElement | Window, type: K, handler: (event: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions): void {
    const listener = handler as EventListener;
    target.addEventListener(type, listener, options);
    this.cleanup.push(() => target.removeEventListener(type, listener, options));
  }

  private toBoard(event: { clientX: number; clientY: number }): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    const camera = this.camera;
    return { x: camera.x + (event.clientX - rect.left) / camera.zoom, y: camera.y + (event.clientY - rect.top) / camera.zoom };
  }

  private onPointerDown(event: PointerEvent): void {
    this.canvas.focus({ preventScroll: true });
    if (event.pointerType === 'touch') {
      this.touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (this.touches.size === 2) {
        this.cancelGesture();
        this.startPinch();
        return;
      }
      if (this.touches.size > 2) return;
    }
    if (event.pointerType === 'mouse' && event.button !== 0 && event.button !== 1) return;
    this.canvas.setPointerCapture(event.pointerId);
    const point = this.toBoard(event);
    this.presence.cursor(point);
    if (event.button === 1 || this.spaceHeld) {
      this.gesture = { kind: 'pan', lastX: event.clientX, lastY: event.clientY };
      return;
    }
    const { tool } = this.view.getState();
    switch (tool) {
      case 'pen':
      case 'highlighter': {
        const hasPressure = event.pointerType === 'pen';
        this.gesture = { kind: 'draw', tool, points: [[point.x, point.y, hasPressure ? event.pressure : 0.5]], hasPressure };
        break;
      }
      case 'line':
      case 'arrow':
      case 'rectangle':
      case 'ellipse':
        this.gesture = { kind: 'shape', shape: tool, x1: point.x, y1: point.y, x2: point.x, y2: point.y };
        break;
      case 'eraser':
        this.gesture = { kind: 'erase', ids: new Set() };
        this.erase(point);
        break;
      case 'text':
        event.preventDefault();
        this.view.setState({ textDraft: point });
        break;
      case 'select':
        this.startSelect(point, event.shiftKey);
        break;
    }
    this.requestFrame();
  }

  private onPointerMove(event: PointerEvent): void {
    const point = this.toBoard(event);
    this.presence.cursor(point);
    if (event.pointerType === 'touch' && this.touches.has(event.pointerId)) {
      this.touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (this.pinch) return this.updatePinch();
    }
    const gesture = this.gesture;
    if (!gesture) return;
    switch (gesture.kind) {
      case 'pan':
        this.panBy(event.clientX - gesture.lastX, event.clientY - gesture.lastY);
        gesture.lastX = event.clientX;
        gesture.lastY = event.clientY;
        return;
      case 'draw': {
        const samples = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
        const minimum = MIN_SAMPLE_PIXELS / this.camera.zoom;
        for (const sample of samples.length > 0 ? samples : [event]) {
          const { x, y } = this.toBoard(sample);
          const last = gesture.points[gesture.points.length - 1] as StrokePoint;
          if (Math.abs(x - last[0]) < minimum && Math.abs(y - last[1]) < minimum) continue;
          gesture.points.push([x, y, gesture.hasPressure ? sample.pressure : 0.5]);
        }
        break;
      }
      case 'shape':
        gesture.x2 = point.x;
        gesture.y2 = point.y;
        break;
      case 'erase':
        this.erase(point);
        break;
      case 'move':
        gesture.placement = { ...IDENTITY_PLACEMENT, dx: point.x - gesture.startX, dy: point.y - gesture.startY };
        break;
      case 'resize': {
        const scale = (now: number, start: number, anchor: number): number => {
          const factor = start === anchor ? 1 : (now - anchor) / (start - anchor);
          return Math.abs(factor) < 0.02 ? Math.sign(factor || 1) * 0.02 : factor;
        };
        gesture.placement = {
          scaleX: scale(point.x, gesture.startX, gesture.anchorX),
          scaleY: scale(point.y, gesture.startY, gesture.anchorY),
          originX: gesture.anchorX,
          originY: gesture.anchorY,
          dx: 0,
          dy: 0,
        };
        break;
      }
      case 'marquee':
        gesture.x2 = point.x;
        gesture.y2 = point.y;
        break;
    }
    this.requestFrame();
  }

  private onPointerUp(event: PointerEvent, cancelled = false): void {
    if (event.pointerType === 'touch') {
      this.touches.delete(event.pointerId);
      if (this.pinch) {
        if (this.touches.size < 2) this.pinch = null;
        return;
      }
    }
    const gesture = this.gesture;
    this.gesture = null;
    if (!gesture || cancelled) return this.cancelGesture(gesture);
    switch (gesture.kind) {
      case 'draw':
        this.finishStroke(gesture.tool, gesture.points, gesture.hasPressure);
        break;
      case 'shape':
        if (Math.hypot(gesture.x2 - gesture.x1, gesture.y2 - gesture.y1) * this.camera.zoom >= 3) {
          const { x1, y1, x2, y2 } = gesture;
          this.put([{ id: newItemId(), type: 'shape', kind: gesture.shape, z: this.scene.nextZ(), style: this.style(), x1, y1, x2, y2 }]);
        }
        break;
      case 'erase':
        this.showHidden();
        if (gesture.ids.size > 0) this.commit(() => this.session.model.remove(gesture.ids));
        break;
      case 'move':
      case 'resize': {
        this.showHidden();
        const placement = gesture.placement;
        if (placement !== IDENTITY_PLACEMENT && (placement.dx !== 0 || placement.dy !== 0 || placement.scaleX !== 1 || placement.scaleY !== 1)) {
          const moved = this.view
            .getState()
            .selection.map((id) => this.scene.items.get(id))
            .filter((read) => read !== undefined)
            .map((read) => placeItem(read, placement));
          this.put(moved);
        }
        break;
      }
      case 'marquee': {
        const found = this.scene.query(cornerBounds(gesture)).map((read) => read.item.id);
        const selection = gesture.additive ? [...new Set([...this.view.getState().selection, ...found])] : found;
        this.view.setState({ selection });
        break;
      }
      case 'pan':
        break;
    }
    this.requestFrame();
  }

  private cancelGesture(gesture: Gesture | null = this.gesture): void {
    this.gesture = null;
    if (gesture?.kind === 'erase' || gesture?.kind === 'move' || gesture?.kind === 'resize') this.showHidden();
    this.requestFrame();
  }

  private finishStroke(tool: 'pen' | 'highlighter', points: StrokePoint[], hasPressure: boolean): void {
    const style = this.style();
    const items: BoardItem[] = [];
    let z = this.scene.nextZ();
    // A single click leaves a dot; very long strokes are split at the per-stroke point limit.
    const all = points.length === 1 ? [points[0] as StrokePoint, points[0] as StrokePoint] : points;
    for (let start = 0; start < all.length; start += MAX_STROKE_POINTS - 1) {
      const part = all.slice(start, start + MAX_STROKE_POINTS);
      if (part.length < 2 && start > 0) break;
      items.push({ id: newItemId(), type: 'stroke', tool, z, style, points: encodePoints(part, hasPressure) });
      z += 1;
    }
    this.put(items);
  }

  private erase(point: { x: number; y: number }): void {
    if (this.gesture?.kind !== 'erase') return;
    const tolerance = HIT_PIXELS / this.camera.zoom;
    const bounds = { minX: point.x - tolerance, minY: point.y - tolerance, maxX: point.x + tolerance, maxY: point.y + tolerance };
    for (const read of this.scene.query(bounds)) {
      const id = read.item.id;
      if (this.hidden.has(id) || !hitsItem(read, point.x, point.y, tolerance)) continue;
      this.gesture.ids.add(id);
      this.hide([id]);
    }
  }

  private selectionBounds(): Bounds | null {
    let bounds: Bounds | null = null;
    for (const id of this.view.getState().selection) {
      const itemBounds = this.scene.boundsOf(id);
      if (itemBounds) bounds = unionBounds(bounds, itemBounds);
    }
    return bounds;
  }

  private startSelect(point: { x: number; y: number }, additive: boolean): void {
    const bounds = this.selectionBounds();
    const handle = HANDLE_PIXELS / this.camera.zoom;
    if (bounds) {
      for (const [cornerX, cornerY, anchorX, anchorY] of [
        [bounds.minX, bounds.minY, bounds.maxX, bounds.maxY],
        [bounds.maxX, bounds.minY, bounds.minX, bounds.maxY],
        [bounds.minX, bounds.maxY, bounds.maxX, bounds.minY],
        [bounds.maxX, bounds.maxY, bounds.minX, bounds.minY],
      ] as const) {
        if (Math.abs(point.x - cornerX) <= handle && Math.abs(point.y - cornerY) <= handle) {
          this.gesture = { kind: 'resize', anchorX, anchorY, startX: cornerX, startY: cornerY, placement: IDENTITY_PLACEMENT };
          this.hide(this.view.getState().selection);
          return;
        }
      }
    }
    const hit = this.scene.hit(point.x, point.y, HIT_PIXELS / this.camera.zoom);
    if (!hit) {
      this.gesture = { kind: 'marquee', x1: point.x, y1: point.y, x2: point.x, y2: point.y, additive };
      if (!additive) this.view.setState({ selection: [] });
      return;
    }
    const { selection } = this.view.getState();
    if (!selection.includes(hit.item.id)) this.view.setState({ selection: additive ? [...selection, hit.item.id] : [hit.item.id] });
    this.gesture = { kind: 'move', startX: point.x, startY: point.y, placement: IDENTITY_PLACEMENT };
    this.hide(this.view.getState().selection);
  }

  private hide(ids: readonly string[]): void {
    for (const id of ids) {
      this.hidden.add(id);
      const bounds = this.scene.boundsOf(id);
      if (bounds) this.invalidate(bounds);
    }
  }

  private showHidden(): void {
    const ids = [...this.hidden];
    this.hidden.clear();
    for (const id of ids) {
      const bounds = this.scene.boundsOf(id);
      if (bounds) this.invalidate(bounds);
    }
  }

  private startPinch(): void {
    const [first, second] = [...this.touches.values()] as [{ x: number; y: number }, { x: number; y: number }];
    const rect = this.canvas.getBoundingClientRect();
    const camera = this.camera;
    const midX = (first.x + second.x) / 2 - rect.left;
    const midY = (first.y + second.y) / 2 - rect.top;
    this.pinch = {
      startDistance: Math.max(1, Math.hypot(first.x - second.x, first.y - second.y)),
      startZoom: camera.zoom,
      anchorX: camera.x + midX / camera.zoom,
      anchorY: camera.y + midY / camera.zoom,
    };
  }

  private updatePinch(): void {
    const pinch = this.pinch;
    if (!pinch || this.touches.size < 2) return;
    const [first, second] = [...this.touches.values()] as [{ x: number; y: number }, { x: number; y: number }];
    const rect = this.canvas.getBoundingClientRect();
    const zoom = clampZoom((pinch.startZoom * Math.hypot(first.x - second.x, first.y - second.y)) / pinch.startDistance);
    const midX = (first.x + second.x) / 2 - rect.left;
    const midY = (first.y + second.y) / 2 - rect.top;
    // The board point that was under the fingers stays under them: pinch zooms and two-finger drag pans.
    this.setCamera({ x: pinch.anchorX - midX / zoom, y: pinch.anchorY - midY / zoom, zoom });
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.canvas.getBoundingClientRect();
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? rect.height : 1;
    if (event.ctrlKey || event.metaKey) {
      // Trackpad pinch arrives as a wheel event with ctrlKey set.
      this.zoomAt(event.clientX - rect.left, event.clientY - rect.top, Math.exp((-event.deltaY * unit) / 200));
    } else if (event.shiftKey && event.deltaX === 0) {
      this.panBy(-event.deltaY * unit, 0);
    } else {
      this.panBy(-event.deltaX * unit, -event.deltaY * unit);
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.ownsKeyboard || isEditable(event.target)) return;
    const key = event.key.toLowerCase();
    if (event.ctrlKey || event.metaKey) {
      if (key === 'z') this[event.shiftKey ? 'redo' : 'undo']();
      else if (key === 'y') this.redo();
      else if (key === 'a') this.view.setState({ tool: 'select', selection: [...this.scene.items.keys()] });
      else return;
      event.preventDefault();
      return;
    }
    if (event.altKey) return;
    const tool = TOOL_BY_KEY.get(key);
    const { size } = this.view.getState();
    if (tool) this.view.setState({ tool });
    else if (key === 'delete' || key === 'backspace') this.deleteSelection();
    else if (key === 'escape') {
      this.cancelGesture();
      this.view.setState({ selection: [], textDraft: null });
    } else if (key === 'arrowleft') this.panBy(size.width / 10, 0);
    else if (key === 'arrowright') this.panBy(-size.width / 10, 0);
    else if (key === 'arrowup') this.panBy(0, size.height / 10);
    else if (key === 'arrowdown') this.panBy(0, -size.height / 10);
    else if (key === '+' || key === '=') this.zoomCentered(1.25);
    else if (key === '-' || key === '_') this.zoomCentered(0.8);
    else if (key === '0') this.zoomCentered(1 / this.camera.zoom);
    else if (key === 'f') this.zoomToFit();
    else if (key === '[' || key === ']') this.stepWidth(key === ']' ? 1 : -1);
    else if (/^[1-9]$/.test(key)) this.view.setState({ color: PALETTE[Number(key) - 1] ?? PALETTE[0] });
    else if (key === ' ') this.spaceHeld = true;
    else return;
    event.preventDefault();
  }

  private stepWidth(direction: 1 | -1): void {
    const { width } = this.view.getState();
    const index = WIDTHS.findIndex((candidate) => candidate >= width);
    const next = WIDTHS[Math.max(0, Math.min(WIDTHS.length - 1, (index < 0 ? WIDTHS.length - 1 : index) + direction))];
    this.view.setState({ width: next ?? width });
  }

  // ---- painting ---------------------------------------------------------

  /** Marks a region (board units) of the cached layer for repainting; null repaints it all. */
  invalidate(bounds: Bounds | null): void {
    if (bounds === null) this.layer = null;
    else if (this.layer) {
      // Antialiased edges reach a pixel beyond the bounds.
      const pad = 2 / this.layer.zoom;
      this.layerDirty = unionBounds(this.layerDirty, { minX: bounds.minX - pad, minY: bounds.minY - pad, maxX: bounds.maxX + pad, maxY: bounds.maxY + pad });
    }
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

  private layerCovers(layer: Layer, camera: Camera, width: number, height: number): boolean {
    return (
      camera.x >= layer.x &&
      camera.y >= layer.y &&
      camera.x + width / camera.zoom <= layer.x + layer.width / layer.zoom &&
      camera.y + height / camera.zoom <= layer.y + layer.height / layer.zoom
    );
  }

  private buildLayer(camera: Camera, width: number, height: number): Layer {
    const canvas = this.layer?.canvas ?? document.createElement('canvas');
    const layerWidth = Math.ceil(width * (1 + 2 * LAYER_MARGIN));
    const layerHeight = Math.ceil(height * (1 + 2 * LAYER_MARGIN));
    canvas.width = Math.max(1, Math.round(layerWidth * this.pixelRatio));
    canvas.height = Math.max(1, Math.round(layerHeight * this.pixelRatio));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    const layer = {
      canvas,
      context,
      zoom: camera.zoom,
      x: camera.x - (width * LAYER_MARGIN) / camera.zoom,
      y: camera.y - (height * LAYER_MARGIN) / camera.zoom,
      width: layerWidth,
      height: layerHeight,
    };
    this.paintLayerRegion(layer, { minX: layer.x, minY: layer.y, maxX: layer.x + layerWidth / layer.zoom, maxY: layer.y + layerHeight / layer.zoom });
    return layer;
  }

  private paintLayerRegion(layer: Layer, region: Bounds): void {
    const { context, zoom } = layer;
    const scale = zoom * this.pixelRatio;
    context.save();
    context.setTransform(scale, 0, 0, scale, -layer.x * scale, -layer.y * scale);
    context.beginPath();
    context.rect(region.minX, region.minY, region.maxX - region.minX, region.maxY - region.minY);
    context.clip();
    context.clearRect(region.minX, region.minY, region.maxX - region.minX, region.maxY - region.minY);
    this.paintItems(context, region, zoom);
    context.restore();
  }

  private paintItems(context: CanvasRenderingContext2D, region: Bounds, zoom: number): void {
    let batch: { path: Path2D; color: string; width: number; alpha: number } | null = null;
    const flush = (): void => {
      if (!batch) return;
      context.globalAlpha = batch.alpha;
      context.strokeStyle = batch.color;
      context.lineWidth = batch.width;
      context.lineCap = 'round';
      context.lineJoin = 'round';
      context.stroke(batch.path);
      context.globalAlpha = 1;
      batch = null;
    };
    for (const read of this.scene.query(region)) {
      if (this.hidden.has(read.item.id)) continue;
      const bounds = this.scene.boundsOf(read.item.id);
      const extent = bounds ? Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) * zoom : Infinity;
      if (bounds && extent < DETAIL_PIXELS) {
        flush();
        context.fillStyle = read.item.style.color;
        context.fillRect(bounds.minX, bounds.minY, DETAIL_PIXELS / zoom, DETAIL_PIXELS / zoom);
        continue;
      }
      const { item, points } = read;
      if (points && item.type === 'stroke' && extent < SIMPLE_PIXELS) {
        const alpha = strokeOpacity(item.tool, item.style);
        const width = item.tool === 'pen' ? item.style.width * 0.6 : item.style.width;
        if (!batch || batch.color !== item.style.color || batch.width !== width || batch.alpha !== alpha) {
          flush();
          batch = { path: new Path2D(), color: item.style.color, width, alpha };
        }
        const step = Math.max(1, Math.ceil(points.length / SIMPLE_SEGMENTS));
        const [firstX, firstY] = points[0] as StrokePoint;
        batch.path.moveTo(firstX, firstY);
        for (let index = step; index < points.length; index += step) batch.path.lineTo((points[index] as StrokePoint)[0], (points[index] as StrokePoint)[1]);
        const [lastX, lastY] = points[points.length - 1] as StrokePoint;
        batch.path.lineTo(lastX, lastY);
        continue;
      }
      flush();
      drawItem(context, read, this.scene.paths);
    }
    flush();
  }

  private paint(): void {
    const { camera, size } = this.view.getState();
    if (size.width === 0 || size.height === 0) return;
    const zooming = this.zoomSettle !== null;
    let layer = this.layer;
    if (!layer || (!zooming && (layer.zoom !== camera.zoom || !this.layerCovers(layer, camera, size.width, size.height)))) {
      layer = this.buildLayer(camera, size.width, size.height);
      this.layer = layer;
      this.layerDirty = null;
    } else if (this.layerDirty) {
      const layerBounds = { minX: layer.x, minY: layer.y, maxX: layer.x + layer.width / layer.zoom, maxY: layer.y + layer.height / layer.zoom };
      if (intersects(this.layerDirty, layerBounds)) this.paintLayerRegion(layer, this.layerDirty);
      this.layerDirty = null;
    }

    const context = this.context;
    const ratio = this.pixelRatio;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const scale = camera.zoom / layer.zoom;
    context.imageSmoothingEnabled = scale !== 1;
    context.drawImage(
      layer.canvas,
      (layer.x - camera.x) * camera.zoom * ratio,
      (layer.y - camera.y) * camera.zoom * ratio,
      layer.canvas.width * scale,
      layer.canvas.height * scale,
    );

    const boardScale = camera.zoom * ratio;
    context.setTransform(boardScale, 0, 0, boardScale, -camera.x * boardScale, -camera.y * boardScale);
    this.paintOverlay(context, camera.zoom);
  }

  private paintOverlay(context: CanvasRenderingContext2D, zoom: number): void {
    const gesture = this.gesture;
    const style = this.style();
    if (gesture?.kind === 'draw') {
      context.globalAlpha = style.opacity;
      context.fillStyle = style.color;
      context.fill(new Path2D(strokePathData(gesture.points, gesture.tool, style.width, gesture.hasPressure, false)));
      context.globalAlpha = 1;
    } else if (gesture?.kind === 'shape') {
      const { x1, y1, x2, y2 } = gesture;
      const preview = { id: 'preview', type: 'shape', kind: gesture.shape, z: 0, style, x1, y1, x2, y2 } as const;
      drawItem(context, { item: preview, points: null, hasPressure: false }, new PathCache());
    } else if ((gesture?.kind === 'move' || gesture?.kind === 'resize') && gesture.placement) {
      const { placement } = gesture;
      context.save();
      context.translate(placement.originX + placement.dx, placement.originY + placement.dy);
      context.scale(placement.scaleX, placement.scaleY);
      context.translate(-placement.originX, -placement.originY);
      for (const id of this.view.getState().selection) {
        const read = this.scene.items.get(id);
        if (read) drawItem(context, read, this.scene.paths);
      }
      context.restore();
    } else if (gesture?.kind === 'marquee') {
      context.strokeStyle = '#1e66f5';
      context.lineWidth = 1 / zoom;
      context.setLineDash([4 / zoom, 4 / zoom]);
      context.strokeRect(gesture.x1, gesture.y1, gesture.x2 - gesture.x1, gesture.y2 - gesture.y1);
      context.setLineDash([]);
    }

    const bounds = gesture?.kind === 'move' || gesture?.kind === 'resize' ? null : this.selectionBounds();
    if (bounds) {
      context.strokeStyle = '#1e66f5';
      context.lineWidth = 1 / zoom;
      context.strokeRect(bounds.minX, bounds.minY, bounds.maxX - bounds.minX, bounds.maxY - bounds.minY);
      const handle = HANDLE_PIXELS / zoom;
      context.fillStyle = '#ffffff';
      for (const [x, y] of [
        [bounds.minX, bounds.minY],
        [bounds.maxX, bounds.minY],
        [bounds.minX, bounds.maxY],
        [bounds.maxX, bounds.maxY],
      ] as const) {
        context.fillRect(x - handle / 2, y - handle / 2, handle, handle);
        context.strokeRect(x - handle / 2, y - handle / 2, handle, handle);
      }
    }
    // What others have selected, outlined in their colour.
    for (const peer of this.view.getState().peers) {
      context.strokeStyle = peer.color;
      context.lineWidth = 2 / zoom;
      for (const id of peer.selection.slice(0, 200)) {
        const itemBounds = this.scene.boundsOf(id);
        if (itemBounds) context.strokeRect(itemBounds.minX, itemBounds.minY, itemBounds.maxX - itemBounds.minX, itemBounds.maxY - itemBounds.minY);
      }
    }
  }
}
