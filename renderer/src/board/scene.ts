import RBush from 'rbush';
import type * as Y from 'yjs';
import type { BoardModel } from '../../../shared/board/board-doc.js';
import { hitsItem, itemBounds, unionBounds, type Bounds } from '../../../shared/board/geometry.js';
import type { ReadItem } from '../../../shared/board/schema.js';
import { PathCache } from '../ink/canvas-paint.js';
import { byPaintOrder } from '../ink/paint-order.js';

interface Entry extends Bounds {
  readonly id: string;
}

/** Above this many changes in one transaction, the index is rebuilt in bulk rather than updated item by item. */
const BULK_REBUILD_CHANGES = 2_000;

export type SceneListener = (dirty: Bounds | null) => void;

/**
 * The drawable state of a board: valid items, a spatial index over their
 * bounds (rbush) for culling and hit-testing, and cached paths. Listeners
 * hear which region changed, so only that part of a cached layer is redrawn.
 */
export class Scene {
  readonly items = new Map<string, ReadItem>();
  readonly paths = new PathCache();
  private readonly entries = new Map<string, Entry>();
  private tree = new RBush<Entry>();
  private readonly listeners = new Set<SceneListener>();
  private topZ = 0;
  private readonly observer: (event: Y.YMapEvent<unknown>) => void;

  constructor(private readonly model: BoardModel) {
    this.reload();
    this.observer = (event) => this.apply(event.keysChanged);
    model.items.observe(this.observer);
  }

  get size(): number {
    return this.items.size;
  }

  /** A z above every item: new items go on top. */
  nextZ(): number {
    return this.topZ + 1;
  }

  subscribe(listener: SceneListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.model.items.unobserve(this.observer);
    this.listeners.clear();
  }

  /** Items whose bounds meet `bounds`, in paint order. */
  query(bounds: Bounds): ReadItem[] {
    const found: ReadItem[] = [];
    for (const entry of this.tree.search(bounds)) {
      const read = this.items.get(entry.id);
      if (read) found.push(read);
    }
    return found.sort(byPaintOrder);
  }

  /** The topmost item under (x, y). */
  hit(x: number, y: number, tolerance: number): ReadItem | null {
    const candidates = this.query({ minX: x - tolerance, minY: y - tolerance, maxX: x + tolerance, maxY: y + tolerance });
    for (let index = candidates.length - 1; index >= 0; index -= 1) {
      const read = candidates[index] as ReadItem;
      if (hitsItem(read, x, y, tolerance)) return read;
    }
    return null;
  }

  boundsOf(id: string): Bounds | null {
    return this.entries.get(id) ?? null;
  }

  /** The bounds of all items, or null for an empty board. */
  extent(): Bounds | null {
    return this.items.size === 0 ? null : boundsOfTree(this.tree);
  }

  private reload(): void {
    this.items.clear();
    this.entries.clear();
    this.paths.clear();
    this.topZ = 0;
    for (const [id, read] of this.model.readAll()) this.remember(id, read);
    this.tree = new RBush<Entry>();
    this.tree.load([...this.entries.values()]);
  }

  private remember(id: string, read: ReadItem): Entry {
    this.items.set(id, read);
    const entry = { ...itemBounds(read), id };
    this.entries.set(id, entry);
    if (read.item.z > this.topZ) this.topZ = read.item.z;
    return entry;
  }

  private apply(keys: Set<string>): void {
    if (keys.size > BULK_REBUILD_CHANGES) {
      this.reload();
      for (const listener of this.listeners) listener(null);
      return;
    }
    let dirty: Bounds | null = null;
    for (const id of keys) {
      const previous = this.entries.get(id);
      if (previous) {
        this.tree.remove(previous);
        this.entries.delete(id);
        this.items.delete(id);
        this.paths.forget(id);
        dirty = unionBounds(dirty, previous);
      }
      const read = this.model.read(id);
      if (read) {
        const entry = this.remember(id, read);
        this.tree.insert(entry);
        dirty = unionBounds(dirty, entry);
      }
    }
    if (dirty) for (const listener of this.listeners) listener(dirty);
  }
}

function boundsOfTree(tree: RBush<Entry>): Bounds {
  const root = tree.toJSON() as Bounds;
  return { minX: root.minX, minY: root.minY, maxX: root.maxX, maxY: root.maxY };
}
