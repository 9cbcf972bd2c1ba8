import type { RemoteFeedMedia } from '../janus/subscriber.js';
import type { SubscriptionStream } from '../janus/videoroom-messages.js';
import { fitLayersToBudget, layerForTile, type LayerWant, type Substream, type TileRole } from './simulcast.js';

export interface TileReport {
  readonly role: TileRole;
  /** The tile's rendered height in device pixels. */
  readonly height: number;
  /** On screen: in the viewport, in a window that is not hidden or minimised. */
  readonly visible: boolean;
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
    if (!tile.visible) continue;
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
  report(feedId: string, tile: TileReport): boolean {
    const before = this.tiles.get(feedId);
    if (before && before.role === tile.role && before.height === tile.height && before.visible === tile.visible) return false;
    this.tiles.set(feedId, tile);
    return true;
  }

  /** The feeds whose tile is off screen. */
  hidden(): Set<string> {
    return new Set([...this.tiles].flatMap(([feedId, tile]) => (tile.visible ? [] : [feedId])));
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

export interface RelayInput {
  /** The audio-only fallback holds every camera's video. */
  readonly camerasPaused: boolean;
  readonly screenFeeds: ReadonlySet<string>;
  /** Feeds on no visible tile. */
  readonly hiddenFeeds: ReadonlySet<string>;
}

/**
 * Whether Janus should relay each video m-line of the subscription: not for a tile off screen, nor for a
 * camera during the audio-only fallback. Screen shares keep flowing through the fallback, being what the
 * meeting looks at.
 */
export function videoRelayPlan(streams: readonly SubscriptionStream[], input: RelayInput): Array<{ mid: string; feed: string; send: boolean }> {
  return streams.flatMap((stream) => {
    if (stream.type !== 'video' || !stream.feed_id) return [];
    const feed = stream.feed_id;
    const send = !input.hiddenFeeds.has(feed) && !(input.camerasPaused && !input.screenFeeds.has(feed));
    return [{ mid: stream.mid, feed, send }];
  });
}
