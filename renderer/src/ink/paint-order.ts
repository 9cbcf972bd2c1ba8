import type { ReadItem } from '../../../shared/board/schema.js';

/** Paint order: z, then id, the same for everyone. */
export function byPaintOrder(a: ReadItem, b: ReadItem): number {
  return a.item.z - b.item.z || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);
}

export function paintOrder(items: Iterable<ReadItem>): ReadItem[] {
  return [...items].sort(byPaintOrder);
}
