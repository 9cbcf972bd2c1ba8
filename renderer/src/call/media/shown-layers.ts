import type { CallStore } from '../call-store.js';
import { DynacastLink, type DynacastSession } from './dynacast-link.js';
import type { Substream } from './simulcast.js';
import { chooseLayers, TileReports, type RelayInput, type TileReport } from './subscription-policy.js';

/** What the layers need of the call session on now. */
export interface LayersSession extends DynacastSession {
  requestLayer(mid: string, layer: Substream): void;
  setVideoRelay(change: Partial<RelayInput>): void;
}

/**
 * From what the tiles on screen report, what the call's video costs: the
 * layer each shown feed receives within the downlink budget, no video for
 * a feed on no visible tile, and, through dynacast, the layers the others
 * are told we show and the ones our own camera encodes.
 */
export class ShownLayers {
  private readonly tiles = new TileReports();
  readonly dynacast: DynacastLink;

  constructor(
    dynacastOn: boolean,
    private readonly store: CallStore,
    private readonly session: () => LayersSession | null,
    private readonly budgetBps: () => number | null,
    warn: (message: string) => void,
  ) {
    this.dynacast = new DynacastLink(dynacastOn, store, session, warn);
  }

  report(feedId: string, tile: TileReport): void {
    if (this.tiles.report(feedId, tile)) this.update();
  }

  forget(feedId: string): void {
    this.tiles.forget(feedId);
    this.update();
  }

  /** While the room records, our camera encodes every layer: Janus records the top one. */
  keepEveryLayer(on: boolean): void {
    this.dynacast.keepEveryLayer(on);
  }

  /** The call ended: no tile is shown and nothing is announced. */
  clear(): void {
    this.tiles.clear();
    this.dynacast.stop();
  }

  /** Applies the tiles' reports (again): after a report, a new subscription, or a new budget. */
  update(): void {
    const { remoteMedia, roster } = this.store.getState();
    const session = this.session();
    const layers = chooseLayers(this.tiles.current, remoteMedia, this.budgetBps());
    for (const [mid, layer] of layers) session?.requestLayer(mid, layer);
    session?.setVideoRelay({ hiddenFeeds: this.tiles.hidden() });
    const shownCameras = new Map<string, Substream>();
    for (const [feedId, media] of Object.entries(remoteMedia)) {
      const layer = media.videoMid === null ? undefined : layers.get(media.videoMid);
      if (layer !== undefined && roster[feedId]?.screenOf === null) shownCameras.set(feedId, layer);
    }
    this.dynacast.setShown(shownCameras);
  }
}
