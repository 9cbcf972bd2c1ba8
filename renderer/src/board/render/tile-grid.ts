import type { Bounds } from '../../../../shared/board/geometry.js';

/**
 * The board cut into square tiles of one level (one zoom), anchored at the
 * board's origin: tile (col, row) covers [col·size, (col+1)·size) across and
 * the same down, `size` in board units. Pure geometry, no canvas.
 */
export interface TileKey {
  readonly col: number;
  readonly row: number;
}

export const tileId = ({ col, row }: TileKey): string => `${col},${row}`;

export function tileBounds({ col, row }: TileKey, size: number): Bounds {
  return { minX: col * size, minY: row * size, maxX: (col + 1) * size, maxY: (row + 1) * size };
}

/** The range of columns and rows whose tiles meet `region`, grown by `ring` tiles on every side. */
export function tileRange(region: Bounds, size: number, ring = 0): { readonly cols: readonly [number, number]; readonly rows: readonly [number, number] } {
  // A region ending exactly on a tile edge does not reach into the next tile.
  const last = (edge: number) => Math.ceil(edge / size) - 1;
  return {
    cols: [Math.floor(region.minX / size) - ring, Math.max(Math.floor(region.minX / size), last(region.maxX)) + ring],
    rows: [Math.floor(region.minY / size) - ring, Math.max(Math.floor(region.minY / size), last(region.maxY)) + ring],
  };
}

/** The tiles that meet `region` grown by `ring` tiles, nearest the region's centre first: what is seen soonest is painted first. */
export function tilesAround(region: Bounds, size: number, ring = 0): TileKey[] {
  const { cols, rows } = tileRange(region, size, ring);
  const centreX = (region.minX + region.maxX) / 2;
  const centreY = (region.minY + region.maxY) / 2;
  const tiles: Array<TileKey & { readonly distance: number }> = [];
  for (let row = rows[0]; row <= rows[1]; row += 1) {
    for (let col = cols[0]; col <= cols[1]; col += 1) {
      tiles.push({ col, row, distance: Math.hypot((col + 0.5) * size - centreX, (row + 0.5) * size - centreY) });
    }
  }
  return tiles.sort((a, b) => a.distance - b.distance).map(({ col, row }) => ({ col, row }));
}

/** Whether tile `key` lies within the range of `region` grown by `ring` tiles. */
export function withinRing(key: TileKey, region: Bounds, size: number, ring: number): boolean {
  const { cols, rows } = tileRange(region, size, ring);
  return key.col >= cols[0] && key.col <= cols[1] && key.row >= rows[0] && key.row <= rows[1];
}

/**
 * The zoom of a board's overview: a power of two (so a growing board
 * rarely changes it) at which the board's longer side fits in `pixels`
 * CSS pixels, never above `highest`.
 */
export function overviewZoom(extent: Bounds, pixels: number, highest: number): number {
  const side = Math.max(extent.maxX - extent.minX, extent.maxY - extent.minY, 1);
  return Math.min(highest, 2 ** Math.floor(Math.log2(pixels / side)));
}

/** The part of `a` inside `b`, or null when they do not overlap. */
export function overlap(a: Bounds, b: Bounds): Bounds | null {
  const minX = Math.max(a.minX, b.minX);
  const minY = Math.max(a.minY, b.minY);
  const maxX = Math.min(a.maxX, b.maxX);
  const maxY = Math.min(a.maxY, b.maxY);
  return minX < maxX && minY < maxY ? { minX, minY, maxX, maxY } : null;
}
