import { intersects, unionBounds, type Bounds } from '../../../../shared/board/geometry.js';
import type { ReadItem } from '../../../../shared/board/schema.js';
import type { Camera } from '../board-view-store.js';
import type { Size } from '../camera.js';
import type { HiddenItems } from '../hidden-items.js';
import type { Scene } from '../scene.js';
import { paintItems } from './level-of-detail.js';
import { overlap, overviewZoom, tileBounds, tileId, tileRange, tilesAround, withinRing, type TileKey } from './tile-grid.js';

/** A tile's side in CSS pixels: small enough that painting one fits in a frame's budget on a dense board. */
const TILE_PIXELS = 256;
/** Tiles painted ahead of the camera on every side, so a pan meets tiles already painted. */
const AHEAD_RING = 1;
/** Tiles kept beyond the view before their canvases are reused: panning back does not repaint. */
const KEEP_RING = 3;
/**
 * Milliseconds of tile painting a frame may spend on what is not yet seen
 * (the ring ahead, a new zoom's sharper tiles over the scaled old ones).
 * Tiles in view with nothing to show instead are painted at once.
 */
const FRAME_BUDGET_MS = 5;
/**
 * Tiles finished within a frame's budget, at most: the budget times the
 * drawing calls, and the canvas rasterises them when the tile is first
 * composed, so many cheap tiles finished at once still make a long frame.
 */
const TILES_PER_FRAME = 3;
/** While zooming, tiles are scaled until they are this much too large or too small; then a new level starts. */
const MAX_SCALE = 2;
/** Canvases kept for reuse: creating and sizing one costs more than clearing it. */
const POOL_SIZE = 64;
/** The overview fits the whole board in this many CSS pixels along its longer side. */
const OVERVIEW_PIXELS = 2048;
/** Never sharper than this: above it, the tiles of a level are cheap enough to be the fallback themselves. */
const OVERVIEW_HIGHEST_ZOOM = 0.25;
/**
 * The overview's tiles are small: at its zoom one tile holds hundreds of
 * strokes, and a tile is painted whole, so it must fit a frame's budget.
 */
const OVERVIEW_TILE_PIXELS = 64;

interface Tile {
  readonly key: TileKey;
  readonly canvas: HTMLCanvasElement;
  readonly context: CanvasRenderingContext2D;
  /** Board units changed since it was painted: repainted before the next frame shows it. */
  dirty: Bounds | null;
  /** Items still to paint, from `next`: a tile too full for one frame's budget is painted over several, and shown once done. */
  queue: readonly ReadItem[] | null;
  next: number;
}

/** The tiles of one zoom. */
interface Level {
  readonly zoom: number;
  /** A tile's side in board units at this zoom: its canvas is a whole number of device pixels. */
  readonly tileSize: number;
  /** A tile canvas's side in device pixels. */
  readonly tilePixels: number;
  readonly tiles: Map<string, Tile>;
}

/**
 * Committed items painted into tiles and kept: a frame composes the tiles in
 * view, so panning copies bitmaps and paints only the tiles it exposes, a
 * ring ahead of the camera within a per-frame budget (before, the whole
 * cached layer was repainted at once whenever the camera left it: a 130 ms
 * frame). A new zoom starts a new level while the old one, scaled, fills
 * the view until the sharp tiles have arrived. Beneath both lies an
 * overview of the whole board at a low zoom, painted in spare frame time,
 * so that a zoom out never shows blank board where nothing was painted yet
 * and never has to paint it all in one frame. Edits repaint only their
 * region of the tiles they touch.
 */
export class TileLayer {
  private level: Level | null = null;
  /** The previous zoom's tiles, drawn scaled beneath the current level until it covers the view. */
  private fallback: Level | null = null;
  /** The whole board at a low zoom, beneath the other two wherever they have no tile yet. */
  private overview: Level | null = null;
  private pixelRatio = 1;
  private readonly pool: HTMLCanvasElement[] = [];

  constructor(
    private readonly scene: Scene,
    private readonly hidden: HiddenItems,
  ) {}

  /** Marks a region (board units) for repainting; null repaints everything. */
  invalidate(bounds: Bounds | null): void {
    if (bounds === null) {
      this.release(this.level);
      this.release(this.fallback);
      this.release(this.overview);
      this.level = this.fallback = this.overview = null;
      return;
    }
    if (this.overview) markDirty(this.overview, bounds);
    if (this.fallback) {
      // The old zoom's tiles are not repainted: those the change touches are dropped.
      for (const [id, tile] of this.fallback.tiles) {
        if (intersects(tileBounds(tile.key, this.fallback.tileSize), bounds)) this.drop(this.fallback, id, tile);
      }
    }
    if (this.level) markDirty(this.level, bounds);
  }

  /** Whether the last frame showed every tile in view at its own zoom, with nothing scaled in their place. */
  sharp = false;

  /**
   * Paints what this frame needs and composes the tiles in view onto
   * `target` (cleared first, identity transform). True when tiles are
   * still to paint: the caller asks for another frame.
   */
  draw(target: CanvasRenderingContext2D, camera: Camera, size: Size, pixelRatio: number, zooming: boolean): boolean {
    const started = performance.now();
    const level = this.levelFor(camera, pixelRatio, zooming);
    const view: Bounds = { minX: camera.x, minY: camera.y, maxX: camera.x + size.width / camera.zoom, maxY: camera.y + size.height / camera.zoom };
    for (const [id, tile] of level.tiles) {
      if (!tile.dirty || tile.queue) continue;
      // Changed tiles near the view are repainted where they changed; farther ones are painted again if they come back.
      if (withinRing(tile.key, view, level.tileSize, AHEAD_RING)) this.paint(level, tile, tile.dirty);
      else this.drop(level, id, tile);
    }
    const overview = this.overviewFor(level);
    const extent = this.scene.extent();
    const budget = { deadline: started + FRAME_BUDGET_MS, tiles: TILES_PER_FRAME };
    let pending = false;
    for (const key of tilesAround(view, level.tileSize, AHEAD_RING)) {
      if (isReady(level.tiles.get(tileId(key)))) continue;
      // A tile in view with nothing painted beneath it would show a hole: it is painted whatever the budget.
      const seen = withinRing(key, view, level.tileSize, 0) ? overlap(tileBounds(key, level.tileSize), view) : null;
      const hole = seen !== null && !covers(this.fallback, seen) && !covers(overview, extent ? overlap(seen, extent) : null);
      if (!this.build(level, key, hole ? null : budget)) pending = true;
    }
    for (const [id, tile] of level.tiles) {
      if (!withinRing(tile.key, view, level.tileSize, KEEP_RING)) this.drop(level, id, tile);
    }
    if (this.fallback && !pending) {
      this.release(this.fallback);
      this.fallback = null;
    }
    // The overview is painted only once the level's own tiles are: it stands in for them, never ahead of them.
    const overviewPending = overview !== null && extent !== null && (pending || this.fillOverview(overview, extent, budget));
    target.setTransform(1, 0, 0, 1, 0, 0);
    target.clearRect(0, 0, target.canvas.width, target.canvas.height);
    const gaps = this.gaps(level, camera, view);
    this.sharp = gaps.length === 0;
    if (gaps.length > 0 && (overview || this.fallback)) {
      // Beneath the level only where it has no tile yet: elsewhere a blurred copy would show around its sharp strokes.
      target.save();
      target.beginPath();
      for (const [x, y, side] of gaps) target.rect(x, y, side, side);
      target.clip();
      if (overview) this.compose(target, overview, camera, view);
      if (this.fallback) this.compose(target, this.fallback, camera, view);
      target.restore();
    }
    this.compose(target, level, camera, view);
    return pending || overviewPending;
  }

  /** The overview for a frame at `level`'s zoom, or null when the level is itself as coarse. */
  private overviewFor(level: Level): Level | null {
    const extent = this.scene.extent();
    const zoom = extent ? overviewZoom(extent, OVERVIEW_PIXELS, OVERVIEW_HIGHEST_ZOOM) : null;
    if (zoom === null || zoom >= level.zoom) return null;
    if (this.overview?.zoom !== zoom) {
      this.release(this.overview);
      this.overview = this.makeLevel(zoom, OVERVIEW_TILE_PIXELS);
    }
    return this.overview;
  }

  /** Paints the overview's missing and changed tiles within what is left of the frame's budget; true when some remain. */
  private fillOverview(overview: Level, extent: Bounds, budget: Budget): boolean {
    for (const tile of overview.tiles.values()) {
      if (!tile.dirty || tile.queue) continue;
      if (spent(budget)) return true;
      this.paint(overview, tile, tile.dirty);
    }
    const { cols, rows } = tileRange(extent, overview.tileSize);
    for (let row = rows[0]; row <= rows[1]; row += 1) {
      for (let col = cols[0]; col <= cols[1]; col += 1) {
        if (!this.build(overview, { col, row }, budget)) return true;
      }
    }
    return false;
  }

  /** The device-pixel squares, on `level`'s grid, of tiles in view that it has not painted yet. */
  private gaps(level: Level, camera: Camera, view: Bounds): Array<readonly [number, number, number]> {
    const { x0, y0, side } = this.placement(level, camera);
    return tilesAround(view, level.tileSize)
      .filter((key) => !isReady(level.tiles.get(tileId(key))))
      .map((key) => [x0 + key.col * side, y0 + key.row * side, side] as const);
  }

  /** The level this frame paints: the current one, or a new one at the camera's zoom (the old kept beneath). */
  private levelFor(camera: Camera, pixelRatio: number, zooming: boolean): Level {
    if (pixelRatio !== this.pixelRatio) {
      this.invalidate(null);
      this.pixelRatio = pixelRatio;
    }
    const current = this.level;
    const scale = current ? camera.zoom / current.zoom : 1;
    if (current && (scale === 1 || (zooming && scale <= MAX_SCALE && scale >= 1 / MAX_SCALE))) return current;
    const next = this.makeLevel(camera.zoom, TILE_PIXELS);
    this.release(this.fallback);
    this.fallback = current;
    this.level = next;
    return next;
  }

  /** An empty level at `zoom` whose tiles are `cssPixels` wide on screen, a whole number of device pixels. */
  private makeLevel(zoom: number, cssPixels: number): Level {
    const tilePixels = Math.round(cssPixels * this.pixelRatio);
    return { zoom, tileSize: tilePixels / (this.pixelRatio * zoom), tilePixels, tiles: new Map() };
  }

  /**
   * Starts or goes on painting tile `key` of `level`, within `budget` (null:
   * to the end, whatever it costs). True once the tile is ready to show.
   */
  private build(level: Level, key: TileKey, budget: Budget | null): boolean {
    const id = tileId(key);
    let tile = level.tiles.get(id);
    if (isReady(tile)) return true;
    if (budget && spent(budget)) return false;
    if (!tile) {
      const canvas = this.pool.pop() ?? document.createElement('canvas');
      const side = level.tilePixels;
      if (canvas.width !== side || canvas.height !== side) {
        canvas.width = side;
        canvas.height = side;
      } else {
        canvas.getContext('2d')?.clearRect(0, 0, side, side);
      }
      const context = canvas.getContext('2d');
      if (!context) throw new Error('This browser cannot draw on a canvas.');
      tile = { key, canvas, context, dirty: null, queue: this.scene.query(tileBounds(key, level.tileSize)), next: 0 };
      level.tiles.set(id, tile);
    }
    const building = tile;
    const queue = building.queue ?? [];
    this.withTransform(level, building, () => {
      building.next = paintItems(building.context, queue, building.next, this.scene, this.hidden, level.zoom, budget ? budget.deadline : Infinity);
    });
    if (building.next < queue.length) return false;
    building.queue = null;
    if (budget) budget.tiles -= 1;
    return true;
  }

  /** Repaints `region` of a finished tile, at once: a change is small. */
  private paint(level: Level, tile: Tile, region: Bounds): void {
    this.withTransform(level, tile, () => {
      const { context } = tile;
      context.beginPath();
      context.rect(region.minX, region.minY, region.maxX - region.minX, region.maxY - region.minY);
      context.clip();
      context.clearRect(region.minX, region.minY, region.maxX - region.minX, region.maxY - region.minY);
      paintItems(context, this.scene.query(region), 0, this.scene, this.hidden, level.zoom, Infinity);
    });
    tile.dirty = null;
  }

  /** Runs `paint` with `tile`'s context drawing in board units. */
  private withTransform(level: Level, tile: Tile, paint: () => void): void {
    const { context } = tile;
    const scale = level.zoom * this.pixelRatio;
    const origin = tileBounds(tile.key, level.tileSize);
    context.save();
    context.setTransform(scale, 0, 0, scale, -origin.minX * scale, -origin.minY * scale);
    paint();
    context.restore();
  }

  /** Draws a level's tiles in view; at its own zoom on whole device pixels, so neighbouring tiles meet without a seam. */
  private compose(target: CanvasRenderingContext2D, level: Level, camera: Camera, view: Bounds): void {
    const { x0, y0, side, exact } = this.placement(level, camera);
    target.imageSmoothingEnabled = !exact;
    for (const tile of level.tiles.values()) {
      if (tile.queue || !intersects(tileBounds(tile.key, level.tileSize), view)) continue;
      target.drawImage(tile.canvas, x0 + tile.key.col * side, y0 + tile.key.row * side, side, side);
    }
  }

  /** Where tile (0, 0) of `level` lands on the canvas, and a tile's side there, in device pixels. */
  private placement(level: Level, camera: Camera): { readonly x0: number; readonly y0: number; readonly side: number; readonly exact: boolean } {
    const ratio = this.pixelRatio;
    const exact = camera.zoom === level.zoom;
    const side = exact ? level.tilePixels : level.tileSize * camera.zoom * ratio;
    const originX = -camera.x * camera.zoom * ratio;
    const originY = -camera.y * camera.zoom * ratio;
    return exact ? { x0: Math.round(originX), y0: Math.round(originY), side, exact } : { x0: originX, y0: originY, side, exact };
  }

  private drop(level: Level, id: string, tile: Tile): void {
    level.tiles.delete(id);
    if (this.pool.length < POOL_SIZE) this.pool.push(tile.canvas);
  }

  private release(level: Level | null): void {
    if (!level) return;
    for (const [id, tile] of level.tiles) this.drop(level, id, tile);
  }
}

/** Marks the tiles of `level` that `bounds` (board units) touches for repainting there. */
function markDirty(level: Level, bounds: Bounds): void {
  // Antialiased edges reach a pixel beyond the bounds.
  const pad = 2 / level.zoom;
  const padded = { minX: bounds.minX - pad, minY: bounds.minY - pad, maxX: bounds.maxX + pad, maxY: bounds.maxY + pad };
  for (const tile of level.tiles.values()) {
    if (intersects(tileBounds(tile.key, level.tileSize), padded)) tile.dirty = unionBounds(tile.dirty, padded);
  }
}

/** What a frame may still spend on painting ahead: a time, and a count of tiles. */
interface Budget {
  readonly deadline: number;
  tiles: number;
}

const spent = (budget: Budget): boolean => budget.tiles <= 0 || performance.now() >= budget.deadline;

const isReady = (tile: Tile | undefined): boolean => tile !== undefined && tile.queue === null;

/** Whether `level` has painted every tile under `region`; an empty region needs none. */
function covers(level: Level | null, region: Bounds | null): boolean {
  if (region === null) return true;
  if (!level) return false;
  const { cols, rows } = tileRange(region, level.tileSize);
  for (let row = rows[0]; row <= rows[1]; row += 1) {
    for (let col = cols[0]; col <= cols[1]; col += 1) {
      if (!isReady(level.tiles.get(tileId({ col, row })))) return false;
    }
  }
  return true;
}
