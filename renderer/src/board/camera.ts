import type { Bounds } from '../../../shared/board/geometry.js';
import { clampZoom, type Camera } from './board-view-store.js';

/**
 * Camera math, free of the DOM: screen points are CSS pixels from the
 * canvas's top-left corner, board points are board units.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A region of the board, as peers publish what they see. */
export interface Viewport extends Point, Size {}

/** Space kept around the drawing by zoom to fit, in screen pixels. */
const FIT_MARGIN = 80;
/** Zoom to fit never enlarges a small drawing beyond this. */
const FIT_MAX_ZOOM = 2;

export function screenToBoard(camera: Camera, screen: Point): Point {
  return { x: camera.x + screen.x / camera.zoom, y: camera.y + screen.y / camera.zoom };
}

export function boardToScreen(camera: Camera, board: Point): Point {
  return { x: (board.x - camera.x) * camera.zoom, y: (board.y - camera.y) * camera.zoom };
}

/** The camera at `zoom` that shows `board` at `screen`. */
export function anchored(board: Point, screen: Point, zoom: number): Camera {
  return { x: board.x - screen.x / zoom, y: board.y - screen.y / zoom, zoom };
}

/** Zooms by `factor`, keeping the board point under `screen` in place. */
export function zoomedAbout(camera: Camera, screen: Point, factor: number): Camera {
  return anchored(screenToBoard(camera, screen), screen, clampZoom(camera.zoom * factor));
}

/** Moves the board by a screen distance: dragging right shows what lay to the left. */
export function panned(camera: Camera, screenDx: number, screenDy: number): Camera {
  return { ...camera, x: camera.x - screenDx / camera.zoom, y: camera.y - screenDy / camera.zoom };
}

/** What the camera shows on a canvas of `size`. */
export function visibleRegion(camera: Camera, size: Size): Viewport {
  return { x: camera.x, y: camera.y, width: size.width / camera.zoom, height: size.height / camera.zoom };
}

/** The camera that puts board point `centre` in the middle of a canvas of `size` at `zoom`. */
function centredOn(centre: Point, size: Size, zoom: number): Camera {
  return { x: centre.x - size.width / 2 / zoom, y: centre.y - size.height / 2 / zoom, zoom };
}

/** Shows all of `extent` with a margin; an empty board (or no canvas yet) shows the origin at 1:1. */
export function fitted(extent: Bounds | null, size: Size): Camera {
  if (!extent || size.width === 0) return { x: 0, y: 0, zoom: 1 };
  const zoom = clampZoom(Math.min(size.width / (extent.maxX - extent.minX + FIT_MARGIN), size.height / (extent.maxY - extent.minY + FIT_MARGIN), FIT_MAX_ZOOM));
  return centredOn({ x: (extent.minX + extent.maxX) / 2, y: (extent.minY + extent.maxY) / 2 }, size, zoom);
}

/** Shows all of a peer's viewport, centred; null until this canvas has a size. */
export function following(viewport: Viewport, size: Size): Camera | null {
  if (size.width === 0) return null;
  const zoom = clampZoom(Math.min(size.width / viewport.width, size.height / viewport.height));
  return centredOn({ x: viewport.x + viewport.width / 2, y: viewport.y + viewport.height / 2 }, size, zoom);
}
