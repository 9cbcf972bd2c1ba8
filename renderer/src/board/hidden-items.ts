import type { Bounds } from '../../../shared/board/geometry.js';
import type { Scene } from './scene.js';

/**
 * Items left out of the cached layer while a gesture owns them: those being
 * erased vanish at once, those being moved are drawn by the preview instead.
 */
export class HiddenItems {
  private readonly ids = new Set<string>();

  constructor(
    private readonly scene: Scene,
    /** Hears each region whose painting changed. */
    private readonly changed: (bounds: Bounds) => void,
  ) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  hide(ids: Iterable<string>): void {
    for (const id of ids) {
      this.ids.add(id);
      this.repaint(id);
    }
  }

  showAll(): void {
    const ids = [...this.ids];
    this.ids.clear();
    for (const id of ids) this.repaint(id);
  }

  private repaint(id: string): void {
    const bounds = this.scene.boundsOf(id);
    if (bounds) this.changed(bounds);
  }
}
