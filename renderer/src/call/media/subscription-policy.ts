import type { RemoteFeedMedia } from '../janus/subscriber.js';
import { fitLayersToBudget, layerForTile, type LayerWant, type Substream, type TileRole } from './simulcast.js';

export interface TileReport {
  readonly role: TileRole;
  /** The tile's rendered height in device pixels. */
  readonly height: number;
}

/** Which tiles are served first when the budget is short: what the meeting looks at, then the grid, then thumbnails. */
const ROLE_PRIORITY: Readonly<Record<TileRole, number>> = { speaker: 0, screen: 0, grid: 1, thumbnail: 2 };

/**
 * The layer each shown video should receive: each tile's role and height
 * give the layer it needs, the most important tiles first, then the whole
 * set is fitted into the downlink budget (null: no limit).
 */
export function chooseLayers(
  tiles: ReadonlyMap<string, TileReport>,
  media: Readonly<Record<string, RemoteFeedMedia>>,
  budgetBps: number | null,
): Map<string, Substream> {
  const wants: Array<LayerWant & { rank: number }> = [];
  for (const [feedId, tile] of tiles) {
    const mid = media[feedId]?.videoMid;
    if (mid) wants.push({ mid, layer: layerForTile(tile.role, tile.height), rank: ROLE_PRIORITY[tile.role] });
  }
  wants.sort((a, b) => a.rank - b.rank);
  return fitLayersToBudget(wants, budgetBps);
}

/** The tiles on screen, as they report themselves; a report that changes nothing is not news. */
export class TileReports {
  private readonly tiles = new Map<string, TileReport>();

  /** Records a tile's report; false when it is the same as the last one. */
  report(feedId: string, role: TileRole, height: number): boolean {
    const before = this.tiles.get(feedId);
    if (before && before.role === role && before.height === height) return false;
    this.tiles.set(feedId, { role, height });
    return true;
  }

  forget(feedId: string): void {
    this.tiles.delete(feedId);
  }

  clear(): void {
    this.tiles.clear();
  }

  get current(): ReadonlyMap<string, TileReport> {
    return this.tiles;
  }
}
