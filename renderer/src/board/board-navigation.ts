import { clampZoom, type BoardViewStore, type Camera } from './board-view-store.js';
import { fitted, following, panned, visibleRegion, zoomedAbout, type Viewport } from './camera.js';
import type { Scene } from './scene.js';

/** Tiles are painted at the new scale once zooming has paused this long. */
const ZOOM_SETTLE_MS = 150;
/** Keyboard zoom steps. */
const ZOOM_IN_STEP = 1.25;
const ZOOM_OUT_STEP = 0.8;
/** Arrow keys pan by a tenth of the canvas. */
const KEY_PAN_DIVISOR = 10;

export interface NavigationEvents {
  /** This user's visible region, for peers who follow. */
  viewport(region: Viewport): void;
  /** The camera moved: paint a frame. */
  moved(): void;
  /** Zooming paused: tiles can be painted at the new scale. */
  settled(): void;
}

/**
 * Where the view looks: sets the camera (a user's move ends following),
 * zooms and pans, fits the drawing, follows a peer's viewport, and tells
 * peers what this view shows.
 */
export class BoardNavigation {
  private zoomSettle: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly view: BoardViewStore,
    private readonly scene: Scene,
    private readonly events: NavigationEvents,
  ) {}

  get camera(): Camera {
    return this.view.getState().camera;
  }

  /** Whether a zoom is still in progress: the tiles painted are scaled meanwhile rather than repainted. */
  get zooming(): boolean {
    return this.zoomSettle !== null;
  }

  setCamera(camera: Camera, byUser = true): void {
    const next = { x: camera.x, y: camera.y, zoom: clampZoom(camera.zoom) };
    if (byUser && this.view.getState().following !== null) this.view.setState({ following: null });
    const zoomChanged = next.zoom !== this.camera.zoom;
    this.view.setState({ camera: next });
    this.events.viewport(visibleRegion(next, this.view.getState().size));
    if (zoomChanged) {
      if (this.zoomSettle) clearTimeout(this.zoomSettle);
      this.zoomSettle = setTimeout(() => {
        this.zoomSettle = null;
        this.events.settled();
      }, ZOOM_SETTLE_MS);
    }
    this.events.moved();
  }

  /** Zooms by `factor` keeping the board point under (screenX, screenY) in place. */
  zoomAt(screenX: number, screenY: number, factor: number): void {
    this.setCamera(zoomedAbout(this.camera, { x: screenX, y: screenY }, factor));
  }

  zoomCentered(factor: number): void {
    const { size } = this.view.getState();
    this.zoomAt(size.width / 2, size.height / 2, factor);
  }

  zoomIn(): void {
    this.zoomCentered(ZOOM_IN_STEP);
  }

  zoomOut(): void {
    this.zoomCentered(ZOOM_OUT_STEP);
  }

  /** Back to one board unit per pixel, about the centre. */
  zoomToActualSize(): void {
    this.zoomCentered(1 / this.camera.zoom);
  }

  panBy(screenDx: number, screenDy: number): void {
    this.setCamera(panned(this.camera, screenDx, screenDy));
  }

  /** One arrow-key step: the board moves the other way, as the view looks further in that direction. */
  step(directionX: -1 | 0 | 1, directionY: -1 | 0 | 1): void {
    const { size } = this.view.getState();
    this.panBy((-directionX * size.width) / KEY_PAN_DIVISOR, (-directionY * size.height) / KEY_PAN_DIVISOR);
  }

  zoomToFit(): void {
    this.setCamera(fitted(this.scene.extent(), this.view.getState().size));
  }

  /** Shows what the followed peer sees; not a user's move, so following goes on. */
  followPeer(): void {
    const { following: followed, peers, size } = this.view.getState();
    const viewport = peers.find((peer) => peer.clientId === followed)?.viewport;
    const camera = viewport ? following(viewport, size) : null;
    if (camera) this.setCamera(camera, false);
  }

  destroy(): void {
    if (this.zoomSettle) clearTimeout(this.zoomSettle);
  }
}
