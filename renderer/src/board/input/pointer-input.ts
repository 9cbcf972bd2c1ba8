import type { BoardNavigation } from '../board-navigation.js';
import { screenToBoard, type Point } from '../camera.js';
import type { BoardPointer, BoardTool } from '../tools/board-tool.js';
import { listen } from './listen.js';
import { pinchCamera, startPinch, type Pinch } from './pinch.js';
import { wheelAction } from './wheel.js';

export interface PointerTargets {
  readonly navigation: BoardNavigation;
  /** Whether space is held, which turns a drag into a pan. */
  spaceHeld(): boolean;
  /** The chosen tool. */
  tool(): BoardTool;
  /** Where this user's pointer is on the board, for peers; null when it left. */
  cursor(point: Point | null): void;
  requestFrame(): void;
}

type Gesture = { readonly kind: 'pan'; lastX: number; lastY: number } | { readonly kind: 'tool'; readonly tool: BoardTool };

/**
 * Pointer, touch and wheel input on the board's canvas: turns screen
 * positions into board coordinates, pans with the middle button or space,
 * pinches with two fingers, and hands every other press to the chosen tool.
 */
export class BoardPointerInput {
  private gesture: Gesture | null = null;
  private readonly touches = new Map<number, Point>();
  private pinch: Pinch | null = null;
  private readonly cleanup: Array<() => void>;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly targets: PointerTargets,
  ) {
    this.cleanup = [
      listen(canvas, 'pointerdown', (event) => this.onPointerDown(event)),
      listen(canvas, 'pointermove', (event) => this.onPointerMove(event)),
      listen(canvas, 'pointerup', (event) => this.onPointerUp(event)),
      listen(canvas, 'pointercancel', (event) => this.onPointerUp(event, true)),
      listen(canvas, 'pointerleave', () => targets.cursor(null)),
      listen(canvas, 'wheel', (event) => this.onWheel(event), { passive: false }),
      listen(canvas, 'contextmenu', (event) => event.preventDefault()),
    ];
  }

  /** The tool whose gesture is in progress, for the overlay to preview. */
  get activeTool(): BoardTool | null {
    return this.gesture?.kind === 'tool' ? this.gesture.tool : null;
  }

  /** Ends the gesture in progress without writing anything. */
  cancel(): void {
    const gesture = this.gesture;
    this.gesture = null;
    if (gesture?.kind === 'tool') gesture.tool.cancel();
    this.targets.requestFrame();
  }

  destroy(): void {
    for (const dispose of this.cleanup.splice(0)) dispose();
  }

  private onCanvas(event: { clientX: number; clientY: number }): Point {
    const rect = this.canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  private toBoard(event: PointerEvent): BoardPointer {
    const { x, y } = screenToBoard(this.targets.navigation.camera, this.onCanvas(event));
    return { x, y, pressure: event.pressure, pointerType: event.pointerType, shiftKey: event.shiftKey };
  }

  private onPointerDown(event: PointerEvent): void {
    this.canvas.focus({ preventScroll: true });
    if (event.pointerType === 'touch') {
      this.touches.set(event.pointerId, this.onCanvas(event));
      if (this.touches.size === 2) {
        this.cancel();
        const [first, second] = [...this.touches.values()] as [Point, Point];
        this.pinch = startPinch(this.targets.navigation.camera, first, second);
        return;
      }
      if (this.touches.size > 2) return;
    }
    if (event.pointerType === 'mouse' && event.button !== 0 && event.button !== 1) return;
    this.canvas.setPointerCapture(event.pointerId);
    const pointer = this.toBoard(event);
    this.targets.cursor(pointer);
    if (event.button === 1 || this.targets.spaceHeld()) {
      this.gesture = { kind: 'pan', lastX: event.clientX, lastY: event.clientY };
      return;
    }
    const tool = this.targets.tool();
    if (tool.keepsFocus) event.preventDefault();
    this.gesture = tool.down(pointer) ? { kind: 'tool', tool } : this.gesture;
    this.targets.requestFrame();
  }

  private onPointerMove(event: PointerEvent): void {
    const pointer = this.toBoard(event);
    this.targets.cursor(pointer);
    if (event.pointerType === 'touch' && this.touches.has(event.pointerId)) {
      this.touches.set(event.pointerId, this.onCanvas(event));
      if (this.pinch) return this.updatePinch(this.pinch);
    }
    const gesture = this.gesture;
    if (!gesture) return;
    if (gesture.kind === 'pan') {
      this.targets.navigation.panBy(event.clientX - gesture.lastX, event.clientY - gesture.lastY);
      gesture.lastX = event.clientX;
      gesture.lastY = event.clientY;
      return;
    }
    const coalesced = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    gesture.tool.move(pointer, coalesced.length > 0 ? coalesced.map((sample) => this.toBoard(sample)) : [pointer]);
    this.targets.requestFrame();
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
    if (!gesture || cancelled) return this.cancel();
    this.gesture = null;
    if (gesture.kind === 'tool') gesture.tool.up();
    this.targets.requestFrame();
  }

  private updatePinch(pinch: Pinch): void {
    if (this.touches.size < 2) return;
    const [first, second] = [...this.touches.values()] as [Point, Point];
    this.targets.navigation.setCamera(pinchCamera(pinch, first, second));
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.canvas.getBoundingClientRect();
    const action = wheelAction(event, this.onCanvas(event), rect.height);
    if (action.kind === 'zoom') this.targets.navigation.zoomAt(action.x, action.y, action.factor);
    else this.targets.navigation.panBy(action.dx, action.dy);
  }
}
