import { intersects, unionBounds, type Bounds } from '../../../../shared/board/geometry.js';
import type { Camera } from '../board-view-store.js';
import type { Size } from '../camera.js';
import type { HiddenItems } from '../hidden-items.js';
import type { Scene } from '../scene.js';
import { paintItems } from './level-of-detail.js';

/** The cached layer extends this fraction of the viewport beyond each edge, so short pans only move a bitmap. */
const LAYER_MARGIN = 0.5;

export interface Layer {
  readonly canvas: HTMLCanvasElement;
  readonly context: CanvasRenderingContext2D;
  /** Board point at its top-left corner, and the zoom it was painted at. */
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
  /** Size in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

function layerBounds(layer: Layer): Bounds {
  return { minX: layer.x, minY: layer.y, maxX: layer.x + layer.width / layer.zoom, maxY: layer.y + layer.height / layer.zoom };
}

function covers(layer: Layer, camera: Camera, size: Size): boolean {
  const bounds = layerBounds(layer);
  return camera.x >= bounds.minX && camera.y >= bounds.minY && camera.x + size.width / camera.zoom <= bounds.maxX && camera.y + size.height / camera.zoom <= bounds.maxY;
}

/**
 * Committed items, painted into a bitmap larger than the viewport: a frame
 * copies it, so panning a large board costs one bitmap copy. Changes
 * repaint only their region; a new zoom repaints it all once zooming pauses.
 */
export class StaticLayer {
  private layer: Layer | null = null;
  private dirty: Bounds | null = null;

  constructor(
    private readonly scene: Scene,
    private readonly hidden: HiddenItems,
  ) {}

  /** Marks a region (board units) for repainting; null repaints it all. */
  invalidate(bounds: Bounds | null): void {
    if (bounds === null) this.layer = null;
    else if (this.layer) {
      // Antialiased edges reach a pixel beyond the bounds.
      const pad = 2 / this.layer.zoom;
      this.dirty = unionBounds(this.dirty, { minX: bounds.minX - pad, minY: bounds.minY - pad, maxX: bounds.maxX + pad, maxY: bounds.maxY + pad });
    }
  }

  /** The layer for this frame: rebuilt when it no longer fits the camera (unless a zoom is under way), else repainted where dirty. */
  current(camera: Camera, size: Size, pixelRatio: number, zooming: boolean): Layer {
    let layer = this.layer;
    if (!layer || (!zooming && (layer.zoom !== camera.zoom || !covers(layer, camera, size)))) {
      layer = this.build(camera, size, pixelRatio);
      this.layer = layer;
      this.dirty = null;
    } else if (this.dirty) {
      if (intersects(this.dirty, layerBounds(layer))) this.paintRegion(layer, this.dirty, pixelRatio);
      this.dirty = null;
    }
    return layer;
  }

  private build(camera: Camera, size: Size, pixelRatio: number): Layer {
    const canvas = this.layer?.canvas ?? document.createElement('canvas');
    const width = Math.ceil(size.width * (1 + 2 * LAYER_MARGIN));
    const height = Math.ceil(size.height * (1 + 2 * LAYER_MARGIN));
    canvas.width = Math.max(1, Math.round(width * pixelRatio));
    canvas.height = Math.max(1, Math.round(height * pixelRatio));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    const x = camera.x - (size.width * LAYER_MARGIN) / camera.zoom;
    const y = camera.y - (size.height * LAYER_MARGIN) / camera.zoom;
    const layer = { canvas, context, zoom: camera.zoom, x, y, width, height };
    this.paintRegion(layer, layerBounds(layer), pixelRatio);
    return layer;
  }

  private paintRegion(layer: Layer, region: Bounds, pixelRatio: number): void {
    const { context, zoom } = layer;
    const scale = zoom * pixelRatio;
    context.save();
    context.setTransform(scale, 0, 0, scale, -layer.x * scale, -layer.y * scale);
    context.beginPath();
    context.rect(region.minX, region.minY, region.maxX - region.minX, region.maxY - region.minY);
    context.clip();
    context.clearRect(region.minX, region.minY, region.maxX - region.minX, region.maxY - region.minY);
    paintItems(context, this.scene, this.hidden, region, zoom);
    context.restore();
  }
}
