import { clampZoom, type Camera } from '../board-view-store.js';
import { anchored, screenToBoard, type Point } from '../camera.js';

/** A two-finger gesture from its start: the board point under the fingers' midpoint stays under it. */
export interface Pinch {
  readonly startDistance: number;
  readonly startZoom: number;
  readonly anchor: Point;
}

function midpoint(first: Point, second: Point): Point {
  return { x: (first.x + second.x) / 2, y: (first.y + second.y) / 2 };
}

/** Touch points are on the canvas, in screen pixels. */
export function startPinch(camera: Camera, first: Point, second: Point): Pinch {
  return {
    startDistance: Math.max(1, Math.hypot(first.x - second.x, first.y - second.y)),
    startZoom: camera.zoom,
    anchor: screenToBoard(camera, midpoint(first, second)),
  };
}

/** The camera for the fingers' new positions: spreading them zooms, moving them together pans. */
export function pinchCamera(pinch: Pinch, first: Point, second: Point): Camera {
  const zoom = clampZoom((pinch.startZoom * Math.hypot(first.x - second.x, first.y - second.y)) / pinch.startDistance);
  return anchored(pinch.anchor, midpoint(first, second), zoom);
}
